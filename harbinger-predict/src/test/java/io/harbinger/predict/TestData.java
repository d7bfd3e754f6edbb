package io.harbinger.predict;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real data set (../shared/data, see its README), as harbinger-ingest's tests find it: system property
 * {@code harbinger.test.data} (set by the build; env HARBINGER_TEST_DATA overrides). Under CI (env CI
 * set) a missing directory fails the test; elsewhere the test is skipped saying where the data comes from.
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
