package io.harbinger.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain stays pure: no Kafka, JDBC, HTTP, frameworks, and no reading the clock. */
class DependencyRuleTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.harbinger.core");

    @Test
    void core_dependsOnNoIoOrFrameworks() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.apache.kafka..", "java.sql..", "javax.sql..", "java.net..", "java.net.http..",
                "io.javalin..", "org.eclipse.jetty..", "io.micrometer..", "com.fasterxml..", "java.nio.file..")
                .check(CORE);
    }

    @Test
    void core_neverReadsTheClock() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .check(CORE);
    }

    @Test
    void core_hasClassesToCheck() {
        // guards the two rules above against an empty import (a rule over no classes passes vacuously)
        org.assertj.core.api.Assertions.assertThat(CORE.size()).isGreaterThan(5);
    }
}
