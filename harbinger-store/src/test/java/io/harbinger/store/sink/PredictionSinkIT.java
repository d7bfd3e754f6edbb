package io.harbinger.store.sink;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.core.sample.Field;
import io.harbinger.core.sample.Point;
import io.harbinger.core.sample.Tag;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.pipeline.KafkaPointSink;
import io.harbinger.pipeline.SharedKafka;
import io.harbinger.pipeline.Topics;
import io.harbinger.predict.model.Bucket;
import io.harbinger.predict.model.Contribution;
import io.harbinger.predict.model.Prediction;
import io.harbinger.predict.model.PredictionPoints;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.SharedPostgres;
import io.harbinger.store.WriteRouting;
import io.harbinger.store.rows.CopyFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.harbinger.store.sink.SinkFixture.await;
import static io.harbinger.store.sink.SinkFixture.count;
import static org.assertj.core.api.Assertions.assertThat;

/** The predictions sink end to end: prediction and alert points on the predictions topic, rows in PostgreSQL. */
@ExtendWith({SharedKafka.class, SharedPostgres.class})
class PredictionSinkIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long JAN_2018 = 1_514_764_800_000_000_000L; // 2018-01-01T00:00:00Z: a Backblaze replay
    private final Opened open = new Opened();

    @AfterEach
    void closeAll() throws Exception {
        open.close();
    }

    private StoreSink sink(StoreSinkConfig config, HikariDataSource ds, MeterRegistry registry) {
        return open.add(StoreSink.start(config.withBatch(500, Duration.ofMillis(100)).withBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                        .withLagInterval(Duration.ofMillis(200)), WriteRouting.single(ds),
                shard -> new Partitions(shard.primary(), PartitionConfig.defaults(), Clock.systemUTC()), registry));
    }

    private KafkaPointSink producer(EmbeddedKafka kafka, String topic) {
        return open.add(KafkaPointSink.create(kafka.bootstrapServers(), topic, Map.of(), new SimpleMeterRegistry()));
    }

    private static Point scored(String measurement, String region, String drive, long ts, double probability, Bucket bucket) {
        Prediction prediction = new Prediction("v7", probability, bucket,
                List.of(new Contribution("smart_197_raw", 0.83), new Contribution("smart_5_raw", -0.25)));
        return PredictionPoints.of(measurement, region, "h-" + drive, drive, ts, prediction);
    }

    /** Record i: predictions of drives d0..d3 (eu and us-east) at T0 + i s, and an alert for d0 when i is 0. */
    private static List<Point> scoring(int i) {
        List<Point> points = new ArrayList<>();
        long ts = SinkFixture.T0 + i * 1_000_000_000L;
        for (int d = 0; d < 4; d++) {
            points.add(scored(PredictionPoints.PREDICTION, d % 2 == 0 ? "eu" : "us-east", "d" + d, ts, d / 10.0, Bucket.GOOD));
        }
        if (i == 0) points.add(scored(PredictionPoints.ALERT, "eu", "d0", ts, 0.97, Bucket.BAD));
        return points;
    }

    private static double counter(MeterRegistry registry, String name, String sink) {
        return registry.get(name).tag("sink", sink).counter().count();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TEXT, STAGED", "BINARY, OPTIMISTIC"})
    void predictionsAndAlerts_areStoredOnce_evenWhenARecordComesTwice_andMalformedPointsAreSkippedAndCounted(
            CopyFormat format, WriteMode mode, EmbeddedKafka kafka, BundledPostgres postgres) {
        Topics topics = SinkFixture.topics(kafka, 2);
        HikariDataSource ds = open.schema(postgres);
        KafkaPointSink producer = producer(kafka, topics.predictions());
        MeterRegistry registry = new SimpleMeterRegistry();
        sink(StoreSinkConfig.predictions(kafka.bootstrapServers(), topics).withWrites(format, mode), ds, registry);

        for (int i = 0; i < 10; i++) SinkFixture.write(producer, scoring(i));
        SinkFixture.write(producer, scoring(0)); // the processor's record again (a replay): same rows
        List<Point> mixed = new ArrayList<>();
        mixed.add(scored(PredictionPoints.PREDICTION, "eu", "d9", SinkFixture.T0, 0.5, Bucket.WARNING));
        mixed.add(new Point(PredictionPoints.PREDICTION, "eu", "h-d8", "d8", List.of(new Tag("model_version", "v7"), new Tag("bucket", "bad")),
                List.of(new Field("probability", 1.5)), SinkFixture.T0)); // refused: outside 0..1
        mixed.add(new Point("smart", "eu", "h-d8", "d8", List.of(), List.of(new Field("smart_5_raw", 1)), SinkFixture.T0)); // not a prediction
        SinkFixture.write(producer, mixed);
        SinkFixture.write(producer, List.of(scored(PredictionPoints.PREDICTION, "backblaze", "ZA1", JAN_2018, 0.4, Bucket.UNKNOWN),
                scored(PredictionPoints.ALERT, "backblaze", "ZA1", JAN_2018 + 86_400_000_000_000L, 0.9, Bucket.BAD)));

        await(WAIT, "every prediction and alert stored", () -> count(ds, "SELECT count(*) FROM predictions") == 10 * 4 + 1 + 1
                && count(ds, "SELECT count(*) FROM alerts") == 2 && counter(registry, "harbinger.store.sink.unmapped", "prediction-sink") == 2);
        await(WAIT, "offsets at the log end", () -> count(ds, "SELECT sum(next_offset) FROM sink_offsets WHERE consumer_group = '"
                + topics.prefix() + "prediction-sink' AND topic = '" + topics.predictions() + "'") == endOffsets(kafka, topics.predictions()));

        assertThat(counter(registry, "harbinger.store.sink.duplicates", "prediction-sink")).isEqualTo(5);
        assertThat(registry.get("harbinger.store.sink.rows").tag("table", "predictions").counter().count()).isEqualTo(42);
        assertThat(count(ds, "SELECT count(*) FROM predictions WHERE drive = 'd3' AND region = 'us-east' AND host = 'h-d3'"
                + " AND model_version = 'v7' AND probability = 0.3 AND bucket = 'good'"
                + " AND top_features = '[{\"feature\":\"smart_197_raw\",\"contribution\":0.83},{\"feature\":\"smart_5_raw\",\"contribution\":-0.25}]'::jsonb"))
                .isEqualTo(10);
        assertThat(count(ds, "SELECT count(*) FROM predictions WHERE drive = 'd8'")).isZero();
        assertThat(count(ds, "SELECT count(*) FROM disk_samples")).as("a sample on the predictions topic is not stored").isZero();
        assertThat(count(ds, "SELECT count(*) FROM alerts WHERE region = 'eu' AND drive = 'd0' AND state = 'open' AND id IS NOT NULL"
                + " AND resolved_at IS NULL AND probability = 0.97 AND bucket = 'bad' AND extract(epoch FROM raised_at)::bigint = "
                + SinkFixture.T0 / 1_000_000_000L + " AND top_features->0->>'feature' = 'smart_197_raw'")).isEqualTo(1);
        assertThat(count(ds, "SELECT count(*) FROM predictions WHERE region = 'backblaze' AND ts = '2018-01-01 00:00+00'")).isEqualTo(1);
        assertThat(count(ds, "SELECT count(*) FROM alerts WHERE region = 'backblaze' AND raised_at = '2018-01-02 00:00+00'")).isEqualTo(1);
    }

    @Test
    void aDrivePredictionLineSentToIngest_isStoredAsAHostMetric_neverAsAPrediction(EmbeddedKafka kafka, BundledPostgres postgres) {
        Topics topics = SinkFixture.topics(kafka, 1);
        HikariDataSource ds = open.schema(postgres);
        MeterRegistry registry = new SimpleMeterRegistry(); // both sinks of a node share one registry
        sink(StoreSinkConfig.defaults(kafka.bootstrapServers(), topics), ds, registry);
        sink(StoreSinkConfig.predictions(kafka.bootstrapServers(), topics), ds, registry);

        SinkFixture.write(producer(kafka, topics.samples()), List.of(scored(PredictionPoints.PREDICTION, "eu", "forged", SinkFixture.T0, 0.99, Bucket.BAD),
                scored(PredictionPoints.ALERT, "eu", "forged", SinkFixture.T0, 0.99, Bucket.BAD)));
        SinkFixture.write(producer(kafka, topics.predictions()), List.of(scored(PredictionPoints.PREDICTION, "eu", "real", SinkFixture.T0, 0.1, Bucket.GOOD)));

        await(WAIT, "both topics stored", () -> count(ds, "SELECT count(*) FROM host_metrics") == 2
                && count(ds, "SELECT count(*) FROM predictions") == 1);
        assertThat(count(ds, "SELECT count(*) FROM host_metrics WHERE measurement IN ('drive_prediction', 'drive_alert')"
                + " AND tags->>'drive' = 'forged' AND tags->>'bucket' = 'bad'")).isEqualTo(2);
        assertThat(count(ds, "SELECT count(*) FROM predictions WHERE drive = 'forged'")).isZero();
        assertThat(count(ds, "SELECT count(*) FROM alerts")).isZero();
        assertThat(count(ds, "SELECT count(DISTINCT consumer_group) FROM sink_offsets")).as("one position per sink").isEqualTo(2);
        assertThat(registry.get("harbinger.store.sink.rows").tag("sink", "store-sink").tag("table", "host_metrics").counter().count()).isEqualTo(2);
        assertThat(registry.get("harbinger.store.sink.rows").tag("sink", "prediction-sink").tag("table", "predictions").counter().count()).isEqualTo(1);
    }

    private static long endOffsets(EmbeddedKafka kafka, String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(), "isolation.level", "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
