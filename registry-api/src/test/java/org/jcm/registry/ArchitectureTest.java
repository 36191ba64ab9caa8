package org.jcm.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The registry's packages depend on each other one way (docs/architecture.md, "Package rules"):
 * the resources reach the database only through the packages that own the SQL, and the ledger's
 * rules (ledger-core, the registry's domain) know nothing of the service built on them.
 */
class ArchitectureTest {

    static final JavaClasses REGISTRY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jcm.registry", "org.jcm.ledger");

    @Test
    void resources_never_touch_entities_or_sql() {
        noClasses().that().resideInAPackage("org.jcm.registry.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jcm.registry.entity..", "java.sql..",
                        "javax.sql..", "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..",
                        "io.vertx.mutiny.pgclient..", "org.hibernate..", "io.quarkus.hibernate..")
                .because("resources read and write through the query, service and persistence packages, which own the SQL")
                .check(REGISTRY);
    }

    @Test
    void the_ledger_rules_know_nothing_of_the_registry_service() {
        noClasses().that().resideInAPackage("org.jcm.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jcm.registry..", "org.jcm.support..",
                        "io.quarkus..", "jakarta..", "io.vertx..", "org.hibernate..", "com.fasterxml..")
                .because("ledger-core is the registry's domain: plain Java that replays without the service")
                .check(REGISTRY);
    }

    @Test
    void the_write_path_knows_nothing_of_http_the_api_bodies_or_the_entities() {
        noClasses().that().resideInAPackage("org.jcm.registry.write..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jcm.registry.rest..", "org.jcm.registry.api..",
                        "org.jcm.registry.entity..", "org.jcm.registry.problem..", "jakarta.ws.rs..")
                .because("the write path returns values (MutationService); rest/ maps them to responses (docs/writer.md)")
                .check(REGISTRY);
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().matching("org.jcm.registry.(*)..").should().beFreeOfCycles().check(REGISTRY);
    }
}
