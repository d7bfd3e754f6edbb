package io.harbinger.simulate.fit;

import io.harbinger.simulate.fleet.FleetParameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** {@code harbinger fit-fleet}'s work: every daily file of a folder in day order through {@link FleetFit}. */
public final class FitFleet {
    /** What the shipped parameters were fitted from; the source recorded in the file. */
    public static final String DRIVE_MODEL = "ST4000DM000";

    private FitFleet() {
    }

    /**
     * @throws IllegalArgumentException when the folder holds no daily file in the range, or a row is refused
     */
    public static FleetParameters fit(Path dir, LocalDate from, LocalDate to) {
        List<BackblazeFolder.DayFile> days = BackblazeFolder.list(dir, from, to);
        if (days.isEmpty()) throw new IllegalArgumentException("no daily file YYYY-MM-DD.csv[.gz] from " + from + " to " + to + " in " + dir);
        FleetFit fit = new FleetFit();
        for (BackblazeFolder.DayFile day : days) fit.add(BackblazeFolder.rows(day));
        String source = "Backblaze Drive Stats (https://www.backblaze.com/cloud-storage/resources/hard-drive-test-data), "
                + dir.getFileName() + ", " + days.getFirst().day() + ".." + days.getLast().day();
        return fit.result(source, DRIVE_MODEL);
    }
}
