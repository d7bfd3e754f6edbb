package io.harbinger.core;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data set (../shared/data, see the README): read from the one setting
 * {@code harbinger.test.data} (system property, set by the build; env HARBINGER_TEST_DATA overrides).
 * Under CI (env CI set) a missing directory fails the test; elsewhere the test is skipped with a
 * pointer to where the data comes from. One copy for every module's tests (harbinger-core's test-jar).
 */
public final class TestData {
    private TestData() {
    }

    public static Path dir() {
        String setting = System.getenv("HARBINGER_TEST_DATA");
        if (setting == null || setting.isBlank()) setting = System.getProperty("harbinger.test.data", "../shared/data");
        Path dir = Path.of(setting).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            String message = "real data set not found at " + dir + " (set HARBINGER_TEST_DATA; see README 'Test data')";
            if (System.getenv("CI") != null) throw new IllegalStateException(message);
            Assumptions.abort(message);
        }
        return dir;
    }

    public static Path resolve(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.exists(p)) throw new IllegalStateException("expected data file missing: " + p);
        return p;
    }
}
