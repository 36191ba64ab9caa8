package org.jcm.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ledger-core stays a plain Java library, and its packages depend on each other in one direction. */
class ArchitectureTest {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jcm.ledger");

    @Test
    void ledger_core_depends_on_nothing_but_the_jdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("org.jcm.ledger..", "java..")
                .check(CORE);
    }

    @Test
    void ledger_core_does_not_depend_on_frameworks() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "javax..", "io.smallrye..", "com.fasterxml..",
                        "io.vertx..", "org.hibernate..", "io.netty..", "org.apache.kafka..", "io.smallrye.mutiny..")
                .because("ledger-core is the replayable core of the ledger and must run without any framework")
                .check(CORE);
    }

    @Test
    void values_commands_and_events_do_not_know_the_state_machine() {
        noClasses().that().resideInAnyPackage("org.jcm.ledger.id..", "org.jcm.ledger.serial..", "org.jcm.ledger.credit..",
                        "org.jcm.ledger.command..", "org.jcm.ledger.event..", "org.jcm.ledger.rule..")
                .should().dependOnClassesThat().resideInAPackage("org.jcm.ledger.state..")
                .check(CORE);
    }

    @Test
    void the_state_machine_does_not_know_the_reports_derived_from_it() {
        noClasses().that().resideOutsideOfPackage("org.jcm.ledger.report..")
                .should().dependOnClassesThat().resideInAPackage("org.jcm.ledger.report..")
                .check(CORE);
    }

    @Test
    void the_packages_of_ledger_core_depend_on_each_other_without_cycles() {
        slices().matching("org.jcm.ledger.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void no_field_or_method_holds_a_double_or_float() {
        noFields().should().haveRawType(double.class).orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class).orShould().haveRawType(Float.class).check(CORE);
        noMethods().should().haveRawReturnType(double.class).orShould().haveRawReturnType(float.class).check(CORE);
    }
}
