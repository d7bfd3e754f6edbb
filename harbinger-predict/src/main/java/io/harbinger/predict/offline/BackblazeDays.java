package io.harbinger.predict.offline;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.backblaze.BackblazeCsvParser;
import io.harbinger.parsers.backblaze.BackblazeFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A folder of Backblaze Drive Stats daily CSVs ({@code 2018-01-01.csv} or {@code .csv.gz}), read with
 * the ingest's own parser: the day is taken from the file name (the date column's format varies
 * between years), every row becomes the same {@link Point} the HTTP import would make.
 */
public final class BackblazeDays {
    /** Region of offline points; features and labels do not depend on it. */
    public static final String REGION = "default";

    private BackblazeDays() {
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

    /** The first day of the dated files of {@code dir}. @throws IllegalArgumentException when it has none */
    public static LocalDate firstDay(Path dir) {
        return all(dir).getFirst().day();
    }

    /** The last day of the dated files of {@code dir}. @throws IllegalArgumentException when it has none */
    public static LocalDate lastDay(Path dir) {
        return all(dir).getLast().day();
    }

    private static List<DayFile> all(Path dir) {
        List<DayFile> days = list(dir, LocalDate.MIN, LocalDate.MAX);
        if (days.isEmpty()) throw new IllegalArgumentException("data directory " + dir + " holds no daily file named YYYY-MM-DD.csv[.gz]");
        return days;
    }

    /** The file's bytes, gunzipped when its name ends in {@code .gz}. */
    public static byte[] bytes(DayFile file) {
        try (InputStream in = Files.newInputStream(file.path())) {
            return file.path().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }

    /**
     * Every row of the file as a point: drive and host the serial number, region {@value #REGION}.
     *
     * @throws IllegalArgumentException naming the file and the first refused rows when any row is refused
     */
    public static List<Point> points(DayFile file) {
        ParseContext ctx = new ParseContext(REGION, "", 0, TimeWindow.backfill(Duration.ofDays(365L * 200)), IngestLimits.DEFAULTS);
        return switch (BackblazeCsvParser.parse(bytes(file), Optional.of(file.day()), ctx)) {
            case ParseResult.Accepted accepted -> accepted.points();
            case ParseResult.Rejected rejected -> throw new IllegalArgumentException(file.path() + ": " + rejected.message());
        };
    }
}
