package io.harbinger.simulate.send;

import io.harbinger.simulate.fleet.FleetGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A simulated fleet written as a folder of Backblaze daily files ({@code YYYY-MM-DD.csv}) instead of sent:
 * what {@code harbinger evaluate}, {@code replay} and {@code fit-fleet} read, so the simulated fleet can be
 * scored offline or refitted.
 */
public final class CsvFolder {
    private CsvFolder() {
    }

    /** The generator's next {@code days} days into {@code dir} (created if missing); returns the failures written. */
    public static long write(FleetGenerator generator, int days, Path dir) throws IOException {
        Files.createDirectories(dir);
        long failures = 0;
        for (int d = 0; d < days; d++) {
            FleetGenerator.Day day = generator.next();
            failures += day.readings().stream().filter(r -> r.failure()).count();
            Files.write(dir.resolve(day.day() + ".csv"), BackblazeCsv.of(day.readings()));
        }
        return failures;
    }
}
