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
        metrics.committed(batch, 0);

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
        metrics.committed(batch, 0);
        assertThat(registry.find("harbinger.store.loader.predictions").counters()).isEmpty();
    }

    @Test
    void eachCommittedRecord_recordsItsAge_fromItsKafkaTimestampToTheCommit() {
        LoaderMetrics metrics = new LoaderMetrics(registry, Feed.PREDICTIONS);
        ShardBatch batch = new ShardBatch();
        batch.add(prediction("good"));
        batch.recordAt(1_000);
        batch.recordAt(1_750);
        metrics.committed(batch, 2_000);

        var age = registry.get("harbinger.store.loader.record.age").tag("loader", "predictions-loader").timer();
        assertThat(age.count()).isEqualTo(2);
        assertThat(age.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1_000 + 250);
        assertThat(age.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1_000);
    }

    @Test
    void advancing_keepsTheTimestampOfARecordThatGaveTheBatchRows_andOnlyThose() {
        ShardBatch batch = new ShardBatch();
        org.apache.kafka.common.TopicPartition tp = new org.apache.kafka.common.TopicPartition("t", 0);
        batch.advance(tp, 1, 100); // a record with no row for this shard
        batch.add(prediction("good"));
        batch.advance(tp, 2, 200);
        batch.advance(tp, 3, 300);
        batch.add(prediction("good"));
        batch.add(prediction("bad"));
        batch.advance(tp, 4, 400); // two rows, one record
        assertThat(batch.recordTimestamps()).containsExactly(200, 400);
        batch.clear();
        batch.advance(tp, 5, 500);
        assertThat(batch.recordTimestamps()).isEmpty();
    }

    @Test
    void aClearedBatch_forgetsItsRecordTimestamps() {
        ShardBatch batch = new ShardBatch();
        for (int i = 0; i < 100; i++) batch.recordAt(i);
        assertThat(batch.recordTimestamps()).hasSize(100).startsWith(0, 1, 2).endsWith(99);
        batch.clear();
        assertThat(batch.recordTimestamps()).isEmpty();
    }

    private double predictions(String bucket) {
        return registry.get("harbinger.store.loader.predictions").tag("loader", "predictions-loader").tag("bucket", bucket).counter().count();
    }

    private static PredictionRow prediction(String bucket) {
        return new PredictionRow("eu", "h1", "d1", 1L, "m1", 0.5, bucket, "[]");
    }
}
