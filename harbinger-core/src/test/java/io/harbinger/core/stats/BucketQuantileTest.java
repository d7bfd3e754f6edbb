package io.harbinger.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BucketQuantileTest {
    private static final double[] BOUNDS = {0.1, 1.0};

    @Test
    void interpolatesWithinTheBucketTheRankFallsIn() {
        double[] cumulative = {10, 90};
        assertThat(BucketQuantile.of(0.5, BOUNDS, cumulative, 100)).isCloseTo(0.1 + 0.9 * (50 - 10) / 80.0, within(1e-12));
        assertThat(BucketQuantile.of(0.05, BOUNDS, cumulative, 100)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void aboveEveryBound_isTheLastBound_andEmptyBucketsAreSkipped() {
        assertThat(BucketQuantile.of(0.99, BOUNDS, new double[] {10, 90}, 100)).isEqualTo(1.0);
        assertThat(BucketQuantile.of(0.5, BOUNDS, new double[] {0, 4}, 4)).as("the first bucket is empty").isCloseTo(0.55, within(1e-12));
    }

    @Test
    void nothingObserved_orNoBound_isNaN() {
        assertThat(BucketQuantile.of(0.5, BOUNDS, new double[] {0, 0}, 0)).isNaN();
        assertThat(BucketQuantile.of(0.5, new double[0], new double[0], 7)).isNaN();
    }

    @Test
    void aQuantileOutsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> BucketQuantile.of(1.5, BOUNDS, new double[] {1, 1}, 1)).hasMessageContaining("[0, 1]");
    }
}
