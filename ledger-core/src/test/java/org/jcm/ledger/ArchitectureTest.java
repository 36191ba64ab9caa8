package org.jcm.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps ledger-core a plain Java library that any service, tool or auditor can embed. */
@AnalyzeClasses(packages = "org.jcm.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ledger_core_does_not_depend_on_frameworks = noClasses()
            .that().resideInAPackage("org.jcm.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "jakarta..", "javax..", "io.smallrye..", "com.fasterxml..",
                    "io.vertx..", "org.hibernate..", "io.netty..", "org.apache.kafka..")
            .because("ledger-core is the replayable core of the ledger and must run without any framework");

    @ArchTest
    static final ArchRule ledger_core_depends_only_on_the_jdk_and_itself = classes()
            .that().resideInAPackage("org.jcm.ledger..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jcm.ledger..")
            .because("ledger-core has zero dependencies, so a library on the classpath must not leak in either");
}
