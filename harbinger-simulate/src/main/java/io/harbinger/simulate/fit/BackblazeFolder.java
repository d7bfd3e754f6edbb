package io.harbinger.simulate.fit;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.backblaze.BackblazeCsvParser;
import io.harbinger.parsers.backblaze.BackblazeFiles;
import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.schema.disk.SmartFields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A folder of Backblaze Drive Stats daily CSVs ({@code YYYY-MM-DD.csv[.gz]}), read with the ingest's own
 * parser (the day comes from the file name), one {@link DriveDay} per row. Only I/O lives here; the
 * fitting itself ({@link FleetFit}) is pure over the rows.
 */
public final class BackblazeFolder {
    private static final ParseContext CONTEXT = new ParseContext("default", "", 0,
            TimeWindow.backfill(Duration.ofDays(365L * 200)), IngestLimits.DEFAULTS);

    /** A dated file of the folder. */
    public record DayFile(LocalDate day, Path path) {
    }

    private BackblazeFolder() {
    }

    /** The dated files of {@code dir} whose day is in {@code [from, to]}, in day order. */
    public static List<DayFile> list(Path dir, LocalDate from, LocalDate to) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("data directory " + dir + " does not exist or is not a directory");
        List<DayFile> days = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> BackblazeFiles.dateFromFileName(f.getFileName().toString())
                    .filter(d -> !d.isBefore(from) && !d.isAfter(to))
                    .ifPresent(d -> days.add(new DayFile(d, f))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        days.sort(Comparator.comparing(DayFile::day).thenComparing(DayFile::path));
        return days;
    }

    /**
     * Every row of the file, in file order.
     *
     * @throws IllegalArgumentException naming the file when the parser refuses any row
     */
    public static List<DriveDay> rows(DayFile file) {
        return switch (BackblazeCsvParser.parse(bytes(file.path()), Optional.of(file.day()), CONTEXT)) {
            case ParseResult.Accepted accepted -> accepted.points().stream().map(p -> row(p, file.day().toEpochDay())).toList();
            case ParseResult.Rejected rejected -> throw new IllegalArgumentException(file.path() + ": " + rejected.message());
        };
    }

    static DriveDay row(Point p, long day) {
        double[] values = new double[SmartAttribute.ALL.size()];
        Arrays.fill(values, Double.NaN);
        boolean failure = false;
        for (Field f : p.fields()) {
            SmartAttribute a = SmartAttribute.ofRawField(f.name());
            if (a != null) values[a.slot()] = f.value();
            else if (f.name().equals(SmartFields.FAILURE)) failure = f.value() != 0;
        }
        return new DriveDay(p.drive(), day, failure, values);
    }

    private static byte[] bytes(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return path.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
