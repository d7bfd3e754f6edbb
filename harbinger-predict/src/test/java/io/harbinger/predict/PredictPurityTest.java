package io.harbinger.predict;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.harbinger.predict.model.ModelFile;
import io.harbinger.predict.model.ModelHolder;
import org.junit.jupiter.api.Test;

/**
 * Features, scoring, health assessments and explanations are pure: values in, values out. No Kafka, JDBC, HTTP or clock anywhere in
 * them; only {@link ModelFile} (reads and writes the JSON file) and {@link ModelHolder} (watches it)
 * touch files, JSON and logging.
 */
class PredictPurityTest {
    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.harbinger.predict.feature", "io.harbinger.predict.model", "io.harbinger.predict.health",
                    "io.harbinger.predict.explain");

    @Test
    void featuresAndModel_dependOnNoKafkaJdbcOrHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.kafka..", "java.sql..", "javax.sql..", "java.net..", "io.javalin..", "org.eclipse.jetty..", "io.micrometer..")
                .check(DOMAIN);
    }

    @Test
    void featuresAndModel_neverReadTheClock() {
        noClasses().should().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .check(DOMAIN);
    }

    @Test
    void features_dependOnlyOnPointsTheSmartFieldNamesAndTheJdkCore() {
        noClasses().that().resideInAPackage("io.harbinger.predict.feature")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "io.harbinger.predict.feature", "io.harbinger.core.point", "io.harbinger.schema.disk",
                        "java.lang..", "java.util..", "java.nio")
                .check(DOMAIN);
    }

    @Test
    void health_dependsOnlyOnPointsTheDiskAndPredictionVocabulariesAndTheJdkCore() {
        noClasses().that().resideInAPackage("io.harbinger.predict.health")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "io.harbinger.predict.health", "io.harbinger.core.point", "io.harbinger.schema.disk", "io.harbinger.schema.prediction",
                        "java.lang..", "java.util..", "java.nio")
                .check(DOMAIN);
    }

    @Test
    void explanations_readTheHistoryThroughTheFeaturesAndTheDiskVocabularyOnly() {
        noClasses().that().resideInAPackage("io.harbinger.predict.explain")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "io.harbinger.predict.explain", "io.harbinger.predict.feature", "io.harbinger.schema.disk",
                        "java.lang..", "java.util..")
                .check(DOMAIN);
    }

    @Test
    void model_exceptTheFileAndItsWatcher_touchesNoFilesJsonOrLogging() {
        noClasses().that().resideInAPackage("io.harbinger.predict.model")
                .and().doNotBelongToAnyOf(ModelFile.class, ModelHolder.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.io..", "com.fasterxml..", "org.slf4j..")
                .check(DOMAIN);
    }

    @Test
    void theRulesHaveClassesToCheck() {
        // a rule over no classes passes vacuously
        assertThat(DOMAIN.stream().map(c -> c.getPackageName()).distinct())
                .containsExactlyInAnyOrder("io.harbinger.predict.feature", "io.harbinger.predict.model", "io.harbinger.predict.health",
                        "io.harbinger.predict.explain");
        assertThat(DOMAIN.size()).isGreaterThan(10);
    }
}
