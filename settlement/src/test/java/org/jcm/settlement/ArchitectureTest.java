package org.jcm.settlement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Settlement's packages depend on each other one way (docs/architecture.md, "Settlement's
 * packages"): the domain ({@code trade}, {@code feed}, {@code apply}) knows neither the HTTP API nor
 * the storage, the resources ({@code rest}) reach the database only through {@code persistence} and
 * {@code registration}, and no two packages need each other.
 */
class ArchitectureTest {

    static final JavaClasses SETTLEMENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jcm.settlement");

    static final String[] DOMAIN = {"org.jcm.settlement.trade..", "org.jcm.settlement.feed..",
        "org.jcm.settlement.apply.."};

    @Test
    void resources_never_touch_entities_or_sql() {
        noClasses().that().resideInAPackage("org.jcm.settlement.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jcm.settlement.entity..", "java.sql..",
                        "javax.sql..", "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..",
                        "io.vertx.mutiny.pgclient..", "org.hibernate..", "io.quarkus.hibernate..")
                .because("resources read and write through persistence and registration, which own the SQL")
                .check(SETTLEMENT);
    }

    @Test
    void domain_packages_never_import_the_api_or_the_entities() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.jcm.settlement.api..",
                        "org.jcm.settlement.entity..")
                .check(SETTLEMENT);
    }

    @Test
    void domain_packages_depend_on_nothing_but_the_jdk_ledger_core_and_each_other() {
        classes().that().resideInAnyPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "org.jcm.ledger..", "org.jcm.settlement.trade..", "org.jcm.settlement.feed..",
                        "org.jcm.settlement.apply..")
                .because("the settlement rules are plain Java: no JAX-RS, no SQL, no framework, no problem codes")
                .check(SETTLEMENT);
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().matching("org.jcm.settlement.(*)..").should().beFreeOfCycles().check(SETTLEMENT);
    }
}
