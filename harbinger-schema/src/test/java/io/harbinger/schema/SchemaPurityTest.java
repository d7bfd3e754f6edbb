package io.harbinger.schema;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The contract between the stages is pure: values, codecs and interfaces; no I/O, no frameworks, no clock. */
class SchemaPurityTest {
    private static final JavaClasses SCHEMA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.harbinger.schema");

    @Test
    void schema_dependsOnlyOnTheJdksValueTypesAndCore() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("io.harbinger.schema..", "io.harbinger.core..",
                        "java.lang..", "java.util..", "java.time..", "java.nio", "java.nio.charset..")
                .check(SCHEMA);
    }

    @Test
    void schema_neverReadsTheClock() {
        noClasses().should().callMethod(System.class, "currentTimeMillis").orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now").check(SCHEMA);
    }

    @Test
    void schema_hasClassesToCheck() {
        assertThat(SCHEMA.size()).isGreaterThan(20);
    }
}
