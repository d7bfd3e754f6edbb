package io.harbinger.predict.train;

import io.harbinger.predict.feature.Features;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NegativeSamplingTest {
    private static float[] clean() {
        float[] f = new float[Features.COUNT];
        Arrays.fill(f, 0);
        f[Features.NAMES.indexOf("power_on_hours")] = 20_000;
        return f;
    }

    private static float[] with(String feature, float value) {
        float[] f = clean();
        f[Features.NAMES.indexOf(feature)] = value;
        return f;
    }

    @Test
    void everyHealthyDayWithCounterActivity_isKeptWithWeightOne() {
        NegativeSampling s = new NegativeSampling(true, 20);
        for (int day = 0; day < 100; day++) {
            assertThat(s.weight("Z1", day, with("smart_197_raw", 8), 0)).isEqualTo(1f);
            assertThat(s.weight("Z1", day, with("smart_5_change_30d", -2), 0)).as("a counter that moved").isEqualTo(1f);
        }
    }

    @Test
    void cleanDays_areKeptOneInN_withWeightN_reproducibly() {
        NegativeSampling s = new NegativeSampling(true, 20);
        int kept = 0;
        for (int day = 0; day < 20_000; day++) {
            float w = s.weight("Z" + (day % 97), day, clean(), 0);
            assertThat(w).isIn(0f, 20f);
            if (w > 0) kept++;
            assertThat(s.weight("Z" + (day % 97), day, clean(), 0)).isEqualTo(w);
        }
        assertThat(kept).isBetween(850, 1150);
    }

    @Test
    void unknownCounters_areNotActivity() {
        assertThat(NegativeSampling.active(with("smart_197_raw", Float.NaN), 0)).isFalse();
        assertThat(NegativeSampling.active(with("temperature", 60), 0)).isFalse();
    }

    @Test
    void withoutKeepActive_activeDaysAreSampledLikeCleanOnes() {
        NegativeSampling s = new NegativeSampling(false, 10);
        long kept = java.util.stream.IntStream.range(0, 10_000).filter(d -> s.weight("Z", d, with("smart_197_raw", 8), 0) > 0).count();
        assertThat(kept).isBetween(800L, 1200L);
        assertThatThrownBy(() -> new NegativeSampling(true, 0)).hasMessageContaining("keepCleanEvery");
    }
}
