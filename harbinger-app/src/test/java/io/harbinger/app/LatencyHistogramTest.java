package io.harbinger.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Window percentiles from cumulative latency buckets, as Prometheus' histogram_quantile reads them. */
class LatencyHistogramTest {
    private static final double[] BOUNDS = {1, 2, 5, 10, 100};

    @Test
    void quantile_interpolatesWithinTheBucketItFallsIn() {
        var h = new LatencyHistogram(BOUNDS, new double[]{0, 50, 90, 100, 100}, 100);
        assertThat(h.quantile(0.5).getAsDouble()).isCloseTo(2.0, within(1e-9)); // the 50th value closes the (1, 2] bucket
        assertThat(h.quantile(0.7).getAsDouble()).isCloseTo(3.5, within(1e-9)); // 20 of 40 into (2, 5]
        assertThat(h.quantile(0.99).getAsDouble()).isCloseTo(9.5, within(1e-9)); // 9 of 10 into (5, 10]
    }

    @Test
    void since_isWhatWasRecordedBetweenTwoReadings_soOldSlowRequestsDoNotCount() {
        var start = new LatencyHistogram(BOUNDS, new double[]{0, 0, 0, 0, 100}, 100); // 100 slow acks long ago
        var now = new LatencyHistogram(BOUNDS, new double[]{10, 10, 10, 10, 110}, 110); // then 10 fast ones
        var window = now.since(start);
        assertThat(window.total()).isEqualTo(10);
        assertThat(window.quantile(0.99).getAsDouble()).isLessThanOrEqualTo(1.0);
        assertThat(now.quantile(0.99).getAsDouble()).as("since start it would be slow").isGreaterThan(10);
    }

    @Test
    void quantile_aboveEveryBound_isTheLastBound_andNothingRecordedIsEmpty() {
        assertThat(new LatencyHistogram(BOUNDS, new double[]{0, 0, 0, 0, 0}, 4).quantile(0.5).getAsDouble()).isEqualTo(100);
        assertThat(new LatencyHistogram(BOUNDS, new double[5], 0).quantile(0.5)).isEmpty();
        assertThat(LatencyHistogram.EMPTY.quantile(0.99)).isEmpty();
    }

    @Test
    void plus_addsEndpointsBucketByBucket() {
        var a = new LatencyHistogram(BOUNDS, new double[]{1, 2, 3, 4, 5}, 5);
        var b = new LatencyHistogram(BOUNDS, new double[]{0, 0, 1, 1, 2}, 3);
        var sum = LatencyHistogram.EMPTY.plus(a).plus(b);
        assertThat(sum.counts()).containsExactly(1, 2, 4, 5, 7);
        assertThat(sum.total()).isEqualTo(8);
    }
}
