package io.harbinger.predict.offline;

import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.predict.feature.DriveHistory;
import io.harbinger.predict.feature.DriveReading;
import io.harbinger.predict.feature.Features;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Walks a fleet's daily files in day order, keeping every drive's {@link DriveHistory} exactly as the
 * stream processor does, and hands over each drive-day of {@code [from, to]} with its features. Days
 * before {@code from} (the warm-up) only build history, so the first scored day already has its 7- and
 * 30-day changes, as it would on a running system.
 */
public final class FleetScan {
    /** The tag naming a drive's model (its family: the model knows which it was trained on). */
    public static final String FAMILY_TAG = "model";

    private FleetScan() {
    }

    /**
     * @param warmupDays days before {@code from} read for history only
     * @param drives     which drives (serial numbers) to follow
     */
    public static void scan(Path dir, LocalDate from, LocalDate to, int warmupDays, Predicate<String> drives, Consumer<DriveDay> out) {
        Map<String, DriveHistory> histories = new HashMap<>();
        float[] features = new float[Features.COUNT];
        long fromDay = from.toEpochDay();
        for (DayFile file : BackblazeDays.list(dir, from.minusDays(warmupDays), to)) {
            for (Point p : BackblazeDays.points(file)) {
                if (!drives.test(p.drive())) continue;
                Optional<DriveReading> reading = DriveReading.of(p);
                if (reading.isEmpty()) continue;
                DriveReading r = reading.get();
                DriveHistory h = histories.computeIfAbsent(p.drive(), d -> new DriveHistory());
                if (h.add(r) == DriveHistory.Added.TOO_OLD || r.epochDay() < fromDay) continue;
                Features.compute(h, r.epochDay(), features, 0);
                out.accept(new DriveDay(p.drive(), family(p), r.epochDay(), features, h.historyDays(r.epochDay()), r.ruleFlag(),
                        Features.deltaRule(h, r.epochDay()), r.failure()));
            }
        }
    }

    private static String family(Point p) {
        for (Tag t : p.tags()) {
            if (FAMILY_TAG.equals(t.key())) return t.value();
        }
        return "";
    }

    /** Each drive's failure day within {@code [from, to]} (a drive's first failure row). */
    public static Map<String, Long> failures(Path dir, LocalDate from, LocalDate to) {
        Map<String, Long> failed = new HashMap<>();
        for (DayFile file : BackblazeDays.list(dir, from, to)) {
            List<Point> points = BackblazeDays.points(file);
            for (Point p : points) {
                DriveReading.of(p).filter(DriveReading::failure).ifPresent(r -> failed.putIfAbsent(p.drive(), r.epochDay()));
            }
        }
        return failed;
    }
}
