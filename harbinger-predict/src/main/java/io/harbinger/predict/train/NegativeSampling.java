package io.harbinger.predict.train;

import io.harbinger.predict.feature.Features;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Which healthy drive-days train the model, and with what weight. Healthy days outnumber failing ones
 * about 500 to 1, and almost all of them are clean: every error counter at 0 and unchanged. The few
 * percent with counter activity (a counter above 0, or one that moved in 30 days) are the hard
 * negatives: they cause every false alarm, so with {@code keepActive} all of them are kept (weight 1),
 * and one clean day in {@code keepCleanEvery} is kept with weight {@code keepCleanEvery} (chosen by a
 * hash of drive and day, reproducibly), so probabilities stay calibrated to the whole population.
 * Without {@code keepActive} every healthy day is sampled alike (the old scheme).
 */
public record NegativeSampling(boolean keepActive, int keepCleanEvery) {
    private static final int[] ACTIVITY = activityColumns();

    public NegativeSampling {
        if (keepCleanEvery < 1) throw new IllegalArgumentException("keepCleanEvery must be >= 1, was " + keepCleanEvery);
    }

    /** The weight of a healthy row of {@code drive} on {@code day} with {@code features}; 0 when it is left out. */
    public float weight(String drive, long day, float[] features, int offset) {
        if (keepActive && active(features, offset)) return 1;
        return kept(drive, day) ? keepCleanEvery : 0;
    }

    /** Some error counter is above 0 or changed within 30 days. */
    static boolean active(float[] features, int offset) {
        for (int c : ACTIVITY) {
            float v = features[offset + c];
            if (v != 0 && !Float.isNaN(v)) return true;
        }
        return false;
    }

    private boolean kept(String drive, long day) {
        if (keepCleanEvery == 1) return true;
        CRC32C crc = new CRC32C();
        crc.update(drive.getBytes(StandardCharsets.UTF_8));
        crc.update((int) day);
        return crc.getValue() % keepCleanEvery == 0;
    }

    private static int[] activityColumns() {
        List<Integer> cols = new ArrayList<>();
        for (int f = 0; f < Features.COUNT; f++) {
            String name = Features.NAMES.get(f);
            if (name.matches("smart_(5|187|188|197|198)_(raw|change_30d)")) cols.add(f);
        }
        if (cols.size() != 10) throw new IllegalStateException("expected a raw value and a 30-day change per error counter, found " + cols);
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return keepActive ? "every healthy day with counter activity, 1 in " + keepCleanEvery + " clean ones (weight " + keepCleanEvery + ")"
                : "1 in " + keepCleanEvery + " healthy days (weight " + keepCleanEvery + ")";
    }
}
