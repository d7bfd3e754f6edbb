package io.harbinger.store.load;

import io.harbinger.core.config.Settings;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.schema.topic.Topics;
import io.harbinger.store.rows.HostMetricRow;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.schema.topic.CorruptRecordException;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.schema.wire.PointBatchCodec;
import io.harbinger.store.rows.AlertRow;
import io.harbinger.store.rows.CopyFormat;
import io.harbinger.store.rows.PredictionRow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoaderConfigTest {
    private static final Topics TOPICS = new Topics("t.");
    private static final Point PREDICTION = new Point("drive_prediction", "eu", "h1", "ZA1",
            List.of(new Tag("model_version", "v1"), new Tag("bucket", "bad")), List.of(new Field("probability", 0.9)), 1_000);

    @Test
    void defaults_storeTheSamplesTopic_asGroupStoreLoader() {
        LoaderConfig config = LoaderConfig.defaults("k:9092", TOPICS);

        assertThat(config.feed()).isEqualTo(Feed.SAMPLES);
        assertThat(config.topic()).isEqualTo("t.samples");
        assertThat(config.group()).isEqualTo("t.samples-loader");
    }

    @Test
    void predictions_storeThePredictionsTopic_asGroupPredictionSink_withTheSameSettingsOtherwise() {
        LoaderConfig config = LoaderConfig.predictions("k:9092", TOPICS);

        assertThat(config.feed()).isEqualTo(Feed.PREDICTIONS);
        assertThat(config.topic()).isEqualTo("t.predictions");
        assertThat(config.group()).isEqualTo("t.predictions-loader");
        assertThat(StoreLoader.consumerConfig(config)).containsEntry("group.id", "t.predictions-loader").containsEntry("client.id", "harbinger-predictions-loader");
        assertThat(StoreLoader.consumerConfig(LoaderConfig.defaults("k:9092", TOPICS))).containsEntry("client.id", "harbinger-samples-loader");
    }

    @Test
    void withConsumerProps_addsTheNodesMembership_butNotOverTheLoadersOwnGroupAndIsolation() {
        LoaderConfig config = LoaderConfig.defaults("k:9092", TOPICS).withConsumerProps(Map.of("group.instance.id", "harbinger-node-1",
                "session.timeout.ms", 10_000, "group.id", "other", "isolation.level", "read_uncommitted"));

        assertThat(StoreLoader.consumerConfig(config)).containsEntry("group.instance.id", "harbinger-node-1").containsEntry("session.timeout.ms", 10_000)
                .containsEntry("group.id", "t.samples-loader").containsEntry("isolation.level", "read_committed");
        assertThat(config.withConsumerProps(Map.of())).isEqualTo(LoaderConfig.defaults("k:9092", TOPICS));
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        LoaderConfig d = LoaderConfig.defaults("k:9092", TOPICS);

        assertThat(d).isEqualTo(new LoaderConfig("k:9092", TOPICS, Feed.SAMPLES, 20_000, Duration.ofMillis(200), 16, Duration.ofMillis(100),
                Duration.ofSeconds(30), Duration.ofSeconds(5), CopyFormat.BINARY, WriteMode.OPTIMISTIC, Map.of()));
    }

    @Test
    void from_takesTheLoaderOptionsAsTheCommandLineGivesThem() {
        Settings settings = Settings.read(LoaderConfig.SETTINGS, Map.of("loader-batch-rows", "500", "loader-batch-latency", "1s",
                "loader-poll-records", "4", "loader-backoff-initial", "50ms", "loader-backoff-max", "2s", "loader-lag-interval", "10s",
                "loader-copy-format", "text", "loader-write-mode", "STAGED"), Map.of());

        assertThat(LoaderConfig.from(settings, "k:9092", TOPICS, Feed.PREDICTIONS)).isEqualTo(new LoaderConfig("k:9092", TOPICS, Feed.PREDICTIONS,
                500, Duration.ofSeconds(1), 4, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10), CopyFormat.TEXT, WriteMode.STAGED, Map.of()));
    }

    @Test
    void badLoaderOptions_areAllNamed_withWhatWouldBeValid() {
        assertThatThrownBy(() -> Settings.read(LoaderConfig.SETTINGS, Map.of("loader-batch-rows", "0", "loader-lag-interval", "0s",
                "loader-copy-format", "csv", "loader-write-mode", "fast"), Map.of()))
                .hasMessage("--loader-batch-rows must be at least 1, got 0; --loader-lag-interval must be at least 1ms, got 0s; "
                        + "--loader-copy-format must be one of text, binary, got 'csv'; --loader-write-mode must be one of staged, optimistic, got 'fast'");
    }

    @Test
    void samplesFeed_storesAPredictionShapedPointAsAHostMetric_neverAsAPrediction() {
        byte[] record = PointBatchCodec.encode(new PointBatch(1L, List.of(PREDICTION)));

        assertThat(Feed.SAMPLES.reader(TOPICS).apply(record)).singleElement().isInstanceOf(HostMetricRow.class);
    }

    @Test
    void predictionsFeed_storesPredictionsAndAlerts_andRefusesASamplesRecordAsCorrupt() {
        ScoredSample scored = new ScoredSample("eu", "h1", "ZA1", 1_000, new Prediction("v1", 0.9, Bucket.BAD, List.of()));
        byte[] record = TOPICS.predictions().values().encode(new PredictionBatch(List.of(scored), List.of(scored)));
        assertThat(Feed.PREDICTIONS.reader(TOPICS).apply(record)).hasExactlyElementsOfTypes(PredictionRow.class, AlertRow.class);

        Point sample = new Point("smart", "eu", "h1", "ZA1", List.of(), List.of(new Field("smart_5_raw", 1)), 1_000);
        assertThatThrownBy(() -> Feed.PREDICTIONS.reader(TOPICS).apply(PointBatchCodec.encode(new PointBatch(1L, List.of(sample)))))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("not a prediction batch");
    }

    @Test
    void aConfigWithoutFeed_isRefused_namingTheChoices() {
        LoaderConfig d = LoaderConfig.defaults("k:9092", TOPICS);
        assertThatThrownBy(() -> new LoaderConfig(d.bootstrapServers(), d.topics(), null, d.maxBatchRows(), d.maxBatchLatency(),
                d.maxPollRecords(), d.backoffInitial(), d.backoffMax(), d.lagInterval(), d.format(), d.mode(), d.consumerProps()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("feed must be non-null (SAMPLES or PREDICTIONS)");
    }
}
