package io.harbinger.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution's {@code lib/} (next to {@code harbinger.jar}, its manifest class path) holds every jar
 * that a Harbinger module it ships needs at run time. The tests run on the test class path, which also
 * has the test-scoped jars: a dependency left out of {@code lib/} (harbinger-app once declared one with
 * test scope, which overrode a module's compile scope) only shows when the packaged node first uses it.
 * Reads each module's {@code target/runtime-dependencies.txt}, written by dependency:list (parent pom): the
 * app's own list is what copy-dependencies puts into {@code lib/}, and names the modules it ships.
 */
class DistributionContentsIT {
    private static final String LIST = "target/runtime-dependencies.txt";
    private static final Path MODULES = Path.of(property("harbinger.modules"));
    private static final Path LIB = Path.of(property("harbinger.jar")).resolveSibling("lib");

    @Test
    void everyRuntimeDependencyOfEveryShippedModule_isInLib() throws IOException {
        List<Dependency> shipped = runtimeDependencies("harbinger-app"); // lib/: see libHoldsTheJarOfEveryRuntimeDependencyOfTheApp
        Set<String> inLib = shipped.stream().map(Dependency::key).collect(Collectors.toSet());
        Map<String, Set<String>> missing = new TreeMap<>(); // dependency -> the modules that need it
        for (Dependency module : shipped) {
            if (!module.groupId().equals("io.harbinger")) continue;
            for (Dependency needed : runtimeDependencies(module.artifactId())) {
                if (!inLib.contains(needed.key())) missing.computeIfAbsent(needed.toString(), d -> new TreeSet<>()).add(module.artifactId());
            }
        }
        assertThat(missing.entrySet().stream().map(m -> m.getKey() + " needed by " + String.join(", ", m.getValue())))
                .as("run-time dependencies of Harbinger modules that the distribution's lib/ lacks").isEmpty();
    }

    @Test
    void libHoldsTheJarOfEveryRuntimeDependencyOfTheApp() throws IOException {
        List<String> absent = runtimeDependencies("harbinger-app").stream()
                .map(Dependency::fileName).filter(name -> !Files.isRegularFile(LIB.resolve(name))).toList();
        assertThat(absent).as("jars missing from %s", LIB).isEmpty();
    }

    /** One line of a dependency:list file: {@code groupId:artifactId:type[:classifier]:version:scope -- module ...}. */
    record Dependency(String groupId, String artifactId, String type, String classifier, String version, String scope) {
        static Dependency parse(String line) {
            String[] p = line.trim().split(" ")[0].split(":");
            return p.length == 6 ? new Dependency(p[0], p[1], p[2], p[3], p[4], p[5]) : new Dependency(p[0], p[1], p[2], "", p[3], p[4]);
        }

        String key() {
            return groupId + ":" + artifactId;
        }

        /** The name copy-dependencies gives its file. */
        String fileName() {
            return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + type;
        }

        @Override
        public String toString() {
            return key() + ":" + version + " (" + scope + ")";
        }
    }

    private static List<Dependency> runtimeDependencies(String module) throws IOException {
        Path list = MODULES.resolve(module).resolve(LIST);
        if (!Files.isRegularFile(list)) {
            throw new IllegalStateException(list + " is missing: build from the root with " + module + " in the reactor (e.g. -pl harbinger-app -am)");
        }
        return Files.readAllLines(list).stream().filter(line -> line.startsWith("   ") && line.contains(":")).map(Dependency::parse).toList();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) throw new IllegalStateException("system property " + name + " is not set (run through Maven failsafe)");
        return value;
    }
}
