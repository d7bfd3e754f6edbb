package io.harbinger.predict.eval;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.harbinger.schema.prediction.Bucket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The evaluation is pure: JDK values (and the schema's Bucket) in, Strings out (its plot through core's pure SVG writer); no I/O, no clock, no library. */
class EvalPurityTest {
    private static final JavaClasses EVAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.harbinger.predict.eval");

    @Test
    void eval_depends_only_on_the_jdk_language_collections_and_dates_the_bucket_vocabulary_and_the_svg_writer() {
        classes().should().onlyDependOnClassesThat(
                        resideInAnyPackage("io.harbinger.predict.eval", "java.lang..", "java.util..", "java.time..").or(equivalentTo(Bucket.class)).or(equivalentTo(io.harbinger.core.text.Svg.class)))
                .check(EVAL);
    }

    @Test
    void eval_reads_no_clock() {
        noClasses().should().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(EVAL);
    }
}
