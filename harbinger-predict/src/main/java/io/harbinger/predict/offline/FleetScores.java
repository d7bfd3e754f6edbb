package io.harbinger.predict.offline;

import io.harbinger.predict.eval.DriveScores;
import io.harbinger.predict.eval.ScoredDay;
import io.harbinger.predict.feature.Features;
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

/**
 * Drive-days collected from a {@link FleetScan} (features copied), then scored by a model in batches
 * and grouped into each drive's {@link DriveScores} for evaluation. Holds about 130 bytes per drive-day.
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
     * Each drive's scored days, in the order drives were first seen.
     *
     * @param failureDays failure day (epoch day) of the drives that failed in the period
     */
    public List<DriveScores> score(FailureModel model, Map<String, Long> failureDays) {
        float[] p = probabilities(model);
        Map<Integer, List<ScoredDay>> byDrive = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Long failed = failureDays.get(drives.get(drive[i]));
            if (failed != null && day[i] > failed) continue; // a failed drive that shows up again is a replacement's row
            Bucket bucket = model.info().thresholds().bucket(p[i], history[i]); // as the stream buckets it
            byDrive.computeIfAbsent(drive[i], k -> new ArrayList<>()).add(new ScoredDay(LocalDate.ofEpochDay(day[i]), p[i], rule[i], delta[i], bucket));
        }
        List<DriveScores> out = new ArrayList<>(byDrive.size());
        byDrive.forEach((id, days) -> {
            String serial = drives.get(id);
            Optional<LocalDate> failed = Optional.ofNullable(failureDays.get(serial)).map(LocalDate::ofEpochDay);
            out.add(new DriveScores(serial, failed, days));
        });
        return out;
    }

    /** Serial number of row {@code i}. */
    public String drive(int i) {
        return drives.get(drive[i]);
    }

    public long epochDay(int i) {
        return day[i];
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
