package io.harbinger.store.load;

import io.harbinger.store.SinglePrimary;
import io.harbinger.core.config.Settings;
import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.pipeline.KafkaPointSink;
import io.harbinger.pipeline.SharedKafka;
import io.harbinger.schema.topic.Topics;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.schema.wire.EncodedBytes;
import io.harbinger.schema.wire.PointBatchCodec;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.SharedPostgres;
import io.harbinger.store.rows.CopyFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

import static io.harbinger.store.load.LoaderFixture.await;
import static io.harbinger.store.load.LoaderFixture.count;
import static org.assertj.core.api.Assertions.assertThat;

/** The predictions loader end to end: prediction batches on the predictions topic, rows in PostgreSQL. */
@ExtendWith({SharedKafka.class, SharedPostgres.class})
class PredictionLoaderIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long JAN_2018 = 1_514_764_800_000_000_000L; // 2018-01-01T00:00:00Z: a Backblaze replay
    private final Opened open = new Opened();

    @AfterEach
    void closeAll() throws Exception {
        open.close();
    }

    private StoreLoader loader(Settings.Builder settings, Feed feed, EmbeddedKafka kafka, Topics topics, HikariDataSource ds, MeterRegistry registry) {
        return open.add(StoreLoader.start(LoaderConfig.from(settings.build(), kafka.bootstrapServers(), topics, feed), new SinglePrimary(ds),
                shard -> new Partitions(shard.primary(), PartitionConfig.defaults(), Clock.systemUTC()), registry));
    }

    private KafkaPointSink producer(EmbeddedKafka kafka, String topic) {
        return open.add(KafkaPointSink.create(kafka.bootstrapServers(), topic, Map.of(), new SimpleMeterRegistry()));
    }

    private KafkaProducer<String, byte[]> raw(EmbeddedKafka kafka) {
        return open.add(new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer()));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, "eu/h", value)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, Topics topics, PredictionBatch batch) {
        send(producer, topics.predictions().name(), topics.predictions().values().encode(batch));
    }

    private static ScoredSample scored(String region, String drive, long ts, double probability, Bucket bucket) {
        Prediction prediction = new Prediction("v7", probability, bucket,
                List.of(new Contribution("smart_197_raw", 0.83, 24), new Contribution("smart_5_raw", -0.25, Double.NaN)));
        return new ScoredSample(region, "h-" + drive, drive, ts, prediction);
    }

    /** Record i: predictions of drives d0..d3 (eu and us-east) at T0 + i s, and an alert for d0 when i is 0. */
    private static PredictionBatch scoring(int i) {
        List<ScoredSample> scored = new ArrayList<>();
        long ts = LoaderFixture.T0 + i * 1_000_000_000L;
        for (int d = 0; d < 4; d++) scored.add(scored(d % 2 == 0 ? "eu" : "us-east", "d" + d, ts, d / 10.0, Bucket.GOOD));
        return new PredictionBatch(scored, i == 0 ? List.of(scored("eu", "d0", ts, 0.97, Bucket.BAD)) : List.of());
    }

    /** A prediction-shaped point as a client could send it to ingest (measurement drive_prediction or drive_alert). */
    private static Point forged(String measurement, String drive) {
        return new Point(measurement, "eu", "h-" + drive, drive, List.of(new Tag("model_version", "v7"), new Tag("bucket", "bad")),
                List.of(new Field("probability", 0.99)), LoaderFixture.T0);
    }

    private static double counter(MeterRegistry registry, String name, String loader) {
        return registry.get(name).tag("loader", loader).counter().count();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TEXT, STAGED", "BINARY, OPTIMISTIC"})
    void predictionsAndAlerts_areStoredOnce_evenWhenARecordComesTwice_andCorruptRecordsAreSkippedAndCounted(
            CopyFormat format, WriteMode mode, EmbeddedKafka kafka, BundledPostgres postgres) {
        Topics topics = LoaderFixture.topics(kafka, 2);
        HikariDataSource ds = open.schema(postgres);
        KafkaProducer<String, byte[]> producer = raw(kafka);
        MeterRegistry registry = new SimpleMeterRegistry();
        loader(LoaderFixture.quick(format, mode), Feed.PREDICTIONS, kafka, topics, ds, registry);

        for (int i = 0; i < 10; i++) send(producer, topics, scoring(i));
        send(producer, topics, scoring(0)); // the processor's record again (a replay): same rows
        send(producer, topics, new PredictionBatch(List.of(scored("eu", "d9", LoaderFixture.T0, 0.5, Bucket.WARNING)), List.of()));
        byte[] outOfRange = topics.predictions().values().encode(new PredictionBatch(List.of(scored("eu", "d8", LoaderFixture.T0, 0.5, Bucket.BAD)), List.of()));
        outOfRange[EncodedBytes.indexOf(outOfRange, 0.5) + 7] = 0x7F; // the probability's high byte: 0.5 becomes ~9e307
        send(producer, topics.predictions().name(), outOfRange); // corrupt: outside 0..1
        Point sample = new Point("smart", "eu", "h-d8", "d8", List.of(), List.of(new Field("smart_5_raw", 1)), LoaderFixture.T0);
        send(producer, topics.predictions().name(), PointBatchCodec.encode(new PointBatch(1L, List.of(sample)))); // corrupt: not a prediction batch
        ScoredSample replayed = scored("backblaze", "ZA1", JAN_2018, 0.4, Bucket.UNKNOWN);
        send(producer, topics, new PredictionBatch(List.of(replayed),
                List.of(scored("backblaze", "ZA1", JAN_2018 + 86_400_000_000_000L, 0.9, Bucket.BAD))));

        await(WAIT, "every prediction and alert stored", () -> count(ds, "SELECT count(*) FROM predictions") == 10 * 4 + 1 + 1
                && count(ds, "SELECT count(*) FROM alerts") == 2 && counter(registry, "harbinger.store.loader.corrupt", "predictions-loader") == 2);
        await(WAIT, "offsets at the log end", () -> count(ds, "SELECT sum(next_offset) FROM loader_offsets WHERE consumer_group = '"
                + topics.prefix() + "predictions-loader' AND topic = '" + topics.predictions().name() + "'") == endOffsets(kafka, topics.predictions().name()));

        assertThat(counter(registry, "harbinger.store.loader.duplicates", "predictions-loader")).isEqualTo(5);
        assertThat(registry.get("harbinger.store.loader.rows").tag("table", "predictions").counter().count()).isEqualTo(42);
        assertThat(count(ds, "SELECT count(*) FROM predictions WHERE drive = 'd3' AND region = 'us-east' AND host = 'h-d3'"
                + " AND model_version = 'v7' AND probability = 0.3 AND bucket = 'good'"
                + " AND top_features = '[{\"feature\":\"smart_197_raw\",\"contribution\":0.83,\"value\":24},{\"feature\":\"smart_5_raw\",\"contribution\":-0.25,\"value\":null}]'::jsonb"))
                .isEqualTo(10);
        assertThat(count(ds, "SELECT count(*) FROM predictions WHERE drive = 'd8'")).isZero();
        assertThat(count(ds, "SELECT count(*) FROM disk_samples")).as("a sample on the predictions topic is not stored").isZero();
        assertThat(count(ds, "SELECT count(*) FROM alerts WHERE region = 'eu' AND drive = 'd0' AND state = 'open' AND id IS NOT NULL"
                + " AND resolved_at IS NULL AND probability = 0.97 AND bucket = 'bad' AND extract(epoch FROM raised_at)::bigint = "
                + LoaderFixture.T0 / 1_000_000_000L + " AND top_features->0->>'feature' = 'smart_197_raw'")).isEqualTo(1);
        assertThat(count(ds, "SELECT count(*) FROM predictions WHERE region = 'backblaze' AND ts = '2018-01-01 00:00+00'")).isEqualTo(1);
        assertThat(count(ds, "SELECT count(*) FROM alerts WHERE region = 'backblaze' AND raised_at = '2018-01-02 00:00+00'")).isEqualTo(1);
    }

    @Test
    void aDrivePredictionLineSentToIngest_isStoredAsAHostMetric_neverAsAPrediction(EmbeddedKafka kafka, BundledPostgres postgres) {
        Topics topics = LoaderFixture.topics(kafka, 1);
        HikariDataSource ds = open.schema(postgres);
        MeterRegistry registry = new SimpleMeterRegistry(); // both loaders of a node share one registry
        loader(LoaderFixture.quick(), Feed.SAMPLES, kafka, topics, ds, registry);
        loader(LoaderFixture.quick(), Feed.PREDICTIONS, kafka, topics, ds, registry);

        LoaderFixture.write(producer(kafka, topics.samples().name()), List.of(forged("drive_prediction", "forged"), forged("drive_alert", "forged")));
        send(raw(kafka), topics, new PredictionBatch(List.of(scored("eu", "real", LoaderFixture.T0, 0.1, Bucket.GOOD)), List.of()));

        await(WAIT, "both topics stored", () -> count(ds, "SELECT count(*) FROM host_metrics") == 2
                && count(ds, "SELECT count(*) FROM predictions") == 1);
        assertThat(count(ds, "SELECT count(*) FROM host_metrics WHERE measurement IN ('drive_prediction', 'drive_alert')"
                + " AND tags->>'drive' = 'forged' AND tags->>'bucket' = 'bad'")).isEqualTo(2);
        assertThat(count(ds, "SELECT count(*) FROM predictions WHERE drive = 'forged'")).isZero();
        assertThat(count(ds, "SELECT count(*) FROM alerts")).isZero();
        assertThat(count(ds, "SELECT count(DISTINCT consumer_group) FROM loader_offsets")).as("one position per loader").isEqualTo(2);
        assertThat(registry.get("harbinger.store.loader.rows").tag("loader", "samples-loader").tag("table", "host_metrics").counter().count()).isEqualTo(2);
        assertThat(registry.get("harbinger.store.loader.rows").tag("loader", "predictions-loader").tag("table", "predictions").counter().count()).isEqualTo(1);
    }

    private static long endOffsets(EmbeddedKafka kafka, String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(), "isolation.level", "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
