package io.harbinger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module graph is a star (docs/adr/0007-module-star.md): every module depends on the pure
 * foundations (core, schema, and the parsers for those that read protocols) and on no sibling; the
 * pipeline may use predict to score; only the launcher (app) wires them. Checked on the production
 * classes of every module, as the launcher's classpath holds them all.
 */
class ModuleDependencyRuleTest {
    /** Each module's root package and the other modules it may use. */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries( // more than Map.of's ten pairs
            Map.entry("core", List.of()),
            Map.entry("schema", List.of("core")),
            Map.entry("parsers", List.of("core", "schema")),
            Map.entry("ingest", List.of("core", "schema", "parsers")),
            Map.entry("predict", List.of("core", "schema", "parsers")),
            Map.entry("pipeline", List.of("core", "schema", "predict")),
            Map.entry("store", List.of("core", "schema")),
            Map.entry("simulate", List.of("core", "schema", "parsers")),
            Map.entry("alert", List.of("core", "schema")),
            Map.entry("api", List.of("core", "schema")),
            Map.entry("cache", List.of("core", "schema")),
            Map.entry("auth", List.of("core", "schema")),
            Map.entry("embedded", List.of()));

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ModuleDependencyRuleTest::notATestJar)
            .importPackages("io.harbinger");

    private static boolean notATestJar(Location location) {
        return !location.contains("-tests.jar");
    }

    @Test
    void everyModule_dependsOnlyOnItsAllowedModules() {
        ALLOWED.forEach((module, allowed) -> {
            String[] others = ALLOWED.keySet().stream().filter(m -> !m.equals(module) && !allowed.contains(m))
                    .map(m -> "io.harbinger." + m + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.harbinger." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage("io.harbinger.app..")
                    .as(module + " depends only on " + allowed)
                    .check(ALL);
        });
    }

    @Test
    void everyModuleHasClassesToCheck() {
        for (String module : ALLOWED.keySet()) {
            assertThat(ALL.stream().filter(c -> c.getPackageName().startsWith("io.harbinger." + module)).count())
                    .as(module).isGreaterThan(0);
        }
    }
}
