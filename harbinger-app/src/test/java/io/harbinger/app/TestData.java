package io.harbinger.app;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data set: env HARBINGER_TEST_DATA, else system property harbinger.test.data (set by the build). Fails under CI when missing. */
final class TestData {
    private TestData() {
    }

    static Path resolve(String relative) {
        String setting = System.getenv("HARBINGER_TEST_DATA");
        if (setting == null || setting.isBlank()) setting = System.getProperty("harbinger.test.data", "../shared/data");
        Path p = Path.of(setting).resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            String message = "real data not found at " + p + " (set HARBINGER_TEST_DATA; see README 'Test data')";
            if (System.getenv("CI") != null) throw new IllegalStateException(message);
            Assumptions.abort(message);
        }
        return p;
    }
}
