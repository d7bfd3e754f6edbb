package io.harbinger.predict.offline;

import io.harbinger.predict.eval.DriveScores;
import io.harbinger.predict.eval.ScoredDay;
import io.harbinger.predict.feature.Features;
import io.harbinger.predict.model.Assessment;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.schema.prediction.Bucket;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Drive-days collected from a {@link FleetScan} (features copied), then scored by a model in batches
 * and grouped into each drive's {@link DriveScores} for evaluation. Holds about 200 bytes per drive-day.
 */
public final class FleetScores {
    private static final int BATCH_ROWS = 65_536;

    private final Map<String, Integer> driveIds = new HashMap<>();
    private final List<String> drives = new ArrayList<>();
    private int size;
    private int[] drive = new int[1024];
    private long[] day = new long[1024];
    private boolean[] rule = new boolean[1024];
    private boolean[] delta = new boolean[1024];
    private long[] history = new long[1024];
    private float[] features = new float[1024 * Features.COUNT];

    public void add(DriveDay d) {
        if (size == drive.length) grow();
        drive[size] = driveIds.computeIfAbsent(d.drive(), s -> {
            drives.add(s);
            return drives.size() - 1;
        });
        day[size] = d.epochDay();
        rule[size] = d.ruleFlag();
        delta[size] = d.deltaFlag();
        history[size] = d.historyDays();
        System.arraycopy(d.features(), 0, features, size * Features.COUNT, Features.COUNT);
        size++;
    }

    public int size() {
        return size;
    }

    /** Every row's probability under {@code model}, in the order the rows were added. */
    public float[] probabilities(FailureModel model) {
        float[] out = new float[size];
        for (int from = 0; from < size; from += BATCH_ROWS) {
            int n = Math.min(BATCH_ROWS, size - from);
            float[] batch = Arrays.copyOfRange(features, from * Features.COUNT, (from + n) * Features.COUNT);
            System.arraycopy(model.probabilities(batch, n), 0, out, from, n);
        }
        return out;
    }

    /**
     * Each selected drive's days of {@code [from, to]} as the stream would have judged them with
     * {@code model}: raw probabilities, then the model's own chain ({@link FailureModel#assessDays}:
     * alarm persistence over the drive's recent days, including those before {@code from}, calibrated
     * risk and bucket). In the order drives were first seen.
     *
     * @param failureDays failure day (epoch day) of the drives that failed
     */
    public List<DriveScores> assess(FailureModel model, Map<String, Long> failureDays, long from, long to, Predicate<String> drives) {
        return assess(model, probabilities(model), failureDays, from, to, drives);
    }

    /** {@link #assess(FailureModel, Map, long, long, Predicate)} with every row's raw probability already computed by {@code model}. */
    public List<DriveScores> assess(FailureModel model, float[] raw, Map<String, Long> failureDays, long from, long to, Predicate<String> drives) {
        double[] risk = new double[size];
        Bucket[] buckets = new Bucket[size];
        forEachDrive(raw, drives, d -> {
            Assessment[] a = model.assessDays(d.days(), d.raw(), d.historyDays());
            for (int k = 0; k < d.rows().length; k++) {
                risk[d.rows()[k]] = a[k].risk();
                buckets[d.rows()[k]] = a[k].bucket();
            }
        });
        return driveScores(risk, buckets, failureDays, from, to, drives);
    }

    /**
     * One drive's rows in the order added (day order for a scan): their indices, days, raw probabilities
     * and days of history.
     */
    public record DriveRows(int[] rows, long[] days, double[] raw, long[] historyDays) {
    }

    /** {@code action} on each selected drive's rows with their raw probabilities {@code raw}, drives in the order first seen. */
    public void forEachDrive(float[] raw, Predicate<String> drives, Consumer<DriveRows> action) {
        for (int[] rows : rowsByDrive()) {
            if (rows.length == 0 || !drives.test(this.drives.get(drive[rows[0]]))) continue;
            long[] days = new long[rows.length], history = new long[rows.length];
            double[] p = new double[rows.length];
            for (int k = 0; k < rows.length; k++) {
                days[k] = day[rows[k]];
                history[k] = this.history[rows[k]];
                p[k] = raw[rows[k]];
            }
            action.accept(new DriveRows(rows, days, p, history));
        }
    }

    /**
     * The drive scores of {@code [from, to]} from one value per row ({@code score}, 0..1) and, where
     * given, one bucket per row (else every day is {@link Bucket#GOOD}: for choices made before a model
     * has buckets). A failed drive's rows after its failure day are a replacement's and are left out.
     */
    public List<DriveScores> driveScores(double[] score, Bucket[] buckets, Map<String, Long> failureDays, long from, long to, Predicate<String> drives) {
        Map<Integer, List<ScoredDay>> byDrive = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            if (day[i] < from || day[i] > to) continue;
            String serial = this.drives.get(drive[i]);
            Long failed = failureDays.get(serial);
            if (failed != null && day[i] > failed) continue;
            if (!drives.test(serial)) continue;
            byDrive.computeIfAbsent(drive[i], k -> new ArrayList<>())
                    .add(new ScoredDay(LocalDate.ofEpochDay(day[i]), score[i], rule[i], delta[i], buckets == null ? Bucket.GOOD : buckets[i]));
        }
        List<DriveScores> out = new ArrayList<>(byDrive.size());
        byDrive.forEach((id, days) -> {
            String serial = this.drives.get(id);
            Long failed = failureDays.get(serial);
            Optional<LocalDate> failedOn = failed == null || failed > to ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(failed));
            out.add(new DriveScores(serial, failedOn, days));
        });
        return out;
    }

    /** Row indices grouped by drive (index = drive index), each drive's rows in the order added (day order for a scan). */
    private int[][] rowsByDrive() {
        int[] counts = new int[drives.size()];
        for (int i = 0; i < size; i++) counts[drive[i]]++;
        int[][] out = new int[drives.size()][];
        for (int d = 0; d < out.length; d++) out[d] = new int[counts[d]];
        int[] next = new int[drives.size()];
        for (int i = 0; i < size; i++) out[drive[i]][next[drive[i]]++] = i;
        return out;
    }

    /** Serial number of row {@code i}. */
    public String drive(int i) {
        return drives.get(drive[i]);
    }

    public long epochDay(int i) {
        return day[i];
    }

    /** Index of row {@code i}'s drive, 0.. in the order drives were first seen. */
    public int driveIndex(int i) {
        return drive[i];
    }

    public int drives() {
        return drives.size();
    }

    /** Serial number of the drive with index {@code id}. */
    public String serial(int id) {
        return drives.get(id);
    }

    public boolean ruleFlag(int i) {
        return rule[i];
    }

    public boolean deltaFlag(int i) {
        return delta[i];
    }

    public long historyDays(int i) {
        return history[i];
    }

    /** Feature {@code f} of row {@code i}. */
    public float feature(int i, int f) {
        return features[i * Features.COUNT + f];
    }

    /** Copies row {@code i}'s features into {@code out[offset..]}. */
    public void copyFeatures(int i, float[] out, int offset) {
        System.arraycopy(features, i * Features.COUNT, out, offset, Features.COUNT);
    }

    private void grow() {
        int n = drive.length * 2;
        drive = Arrays.copyOf(drive, n);
        day = Arrays.copyOf(day, n);
        rule = Arrays.copyOf(rule, n);
        delta = Arrays.copyOf(delta, n);
        history = Arrays.copyOf(history, n);
        features = Arrays.copyOf(features, n * Features.COUNT);
    }
}
