package io.harbinger.store.load;

import io.harbinger.store.rows.HostMetricRow;
import io.harbinger.store.rows.PredictionRow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoaderMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void committedPredictions_areCountedByBucket() {
        LoaderMetrics metrics = new LoaderMetrics(registry, Feed.PREDICTIONS);
        ShardBatch batch = new ShardBatch();
        batch.add(prediction("bad"));
        batch.add(prediction("bad"));
        batch.add(prediction("good"));
        metrics.committed(batch);

        assertThat(predictions("bad")).isEqualTo(2.0);
        assertThat(predictions("good")).isEqualTo(1.0);
        assertThat(predictions("warning")).isZero(); // every bucket is there from the start, so rates over it exist
        assertThat(predictions("unknown")).isZero();
    }

    @Test
    void theSamplesLoader_hasNoPredictionCounters() {
        LoaderMetrics metrics = new LoaderMetrics(registry, Feed.SAMPLES);
        ShardBatch batch = new ShardBatch();
        batch.add(new HostMetricRow("eu", "h1", "cpu", "{}", 1L, "{\"v\":1}"));
        metrics.committed(batch);
        assertThat(registry.find("harbinger.store.loader.predictions").counters()).isEmpty();
    }

    private double predictions(String bucket) {
        return registry.get("harbinger.store.loader.predictions").tag("loader", "predictions-loader").tag("bucket", bucket).counter().count();
    }

    private static PredictionRow prediction(String bucket) {
        return new PredictionRow("eu", "h1", "d1", 1L, "m1", 0.5, bucket, "[]");
    }
}
