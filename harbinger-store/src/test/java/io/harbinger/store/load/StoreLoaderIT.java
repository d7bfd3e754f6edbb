package io.harbinger.store.load;

import io.harbinger.store.SinglePrimary;
import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.pipeline.KafkaPointSink;
import io.harbinger.pipeline.SharedKafka;
import io.harbinger.schema.topic.Topics;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.WriteRouting;
import io.harbinger.store.rows.CopyFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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

@ExtendWith({SharedKafka.class, io.harbinger.store.SharedPostgres.class})
class StoreLoaderIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final Opened open = new Opened();

    @AfterEach
    void closeAll() throws Exception {
        open.close();
    }

    private StoreLoader loader(EmbeddedKafka kafka, Topics topics, WriteRouting routing, MeterRegistry registry, LoaderConfig tweak) {
        LoaderConfig config = tweak != null ? tweak : config(kafka, topics);
        return open.add(StoreLoader.start(config, routing,
                shard -> new Partitions(shard.primary(), PartitionConfig.defaults(), Clock.systemUTC()), registry));
    }

    private static LoaderConfig config(EmbeddedKafka kafka, Topics topics) {
        return LoaderConfig.from(LoaderFixture.quick().build(), kafka.bootstrapServers(), topics, Feed.SAMPLES);
    }

    private static double counter(MeterRegistry registry, String name) {
        return registry.get(name).counter().count();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TEXT, STAGED", "BINARY, OPTIMISTIC", "BINARY, STAGED"})
    void everySampleProducedIsStoredOnce_retriesAndCorruptRecordsAreSkipped(CopyFormat format, WriteMode mode,
                                                                           EmbeddedKafka kafka, BundledPostgres postgres) {
        Topics topics = LoaderFixture.topics(kafka, 3);
        HikariDataSource ds = open.schema(postgres);
        KafkaPointSink producer = open.add(LoaderFixture.producer(kafka, topics));
        MeterRegistry registry = new SimpleMeterRegistry();
        loader(kafka, topics, new SinglePrimary(ds), registry, LoaderConfig.from(LoaderFixture.quick(format, mode).build(), kafka.bootstrapServers(), topics, Feed.SAMPLES));

        for (int i = 0; i < 40; i++) LoaderFixture.write(producer, LoaderFixture.request(i, 6));
        for (int i = 0; i < 10; i++) LoaderFixture.write(producer, LoaderFixture.request(i, 6)); // client retries, same timestamps
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.samples().name(), 1, null, "not a batch".getBytes()));
        }
        for (int i = 40; i < 50; i++) LoaderFixture.write(producer, LoaderFixture.request(i, 6));

        await(WAIT, "50 requests stored", () -> count(ds, "SELECT count(*) FROM disk_samples") == 50 * 12
                && count(ds, "SELECT count(*) FROM host_metrics") == 50 * 6
                && counter(registry, "harbinger.store.loader.corrupt") == 1);
        await(WAIT, "lag 0 and offsets at the log end", () -> registry.get("harbinger.store.loader.lag").gauge().value() == 0
                && count(ds, "SELECT sum(next_offset) FROM loader_offsets") == endOffsets(kafka, topics));
        assertThat(counter(registry, "harbinger.store.loader.duplicates")).isEqualTo(10 * 18);
        assertThat(registry.get("harbinger.store.loader.rows").tag("table", "disk_samples").counter().count()).isEqualTo(600);
        assertThat(count(ds, "SELECT count(DISTINCT (drive, ts)) FROM disk_samples")).isEqualTo(600);
        assertThat(count(ds, "SELECT count(*) FROM disk_samples WHERE smart_9_raw - smart_5_raw = 1000 AND model = 'ST4000DM000' "
                + "AND (other->>'199')::int IN (0, 1) AND extract(epoch FROM ts)::bigint = " + LoaderFixture.T0 / 1_000_000_000L + " + smart_5_raw"))
                .isEqualTo(600);
        assertThat(count(ds, "SELECT count(*) FROM host_metrics WHERE tags = '{\"cpu\": \"total\"}' AND (fields->>'usage_system')::int = 1"))
                .isEqualTo(300);
        assertThat(registry.get("harbinger.store.loader.batch.latency").timer().count()).isPositive();
    }

    @Test
    void aRowPostgresRefusesIsSkippedAndCounted_theRestOfItsBatchIsStored(EmbeddedKafka kafka, BundledPostgres postgres) {
        Topics topics = LoaderFixture.topics(kafka, 1);
        HikariDataSource ds = open.schema(postgres);
        LoaderFixture.execute(ds, "ALTER TABLE host_metrics ADD CONSTRAINT no_poison CHECK (measurement <> 'poison')");
        KafkaPointSink producer = open.add(LoaderFixture.producer(kafka, topics));
        MeterRegistry registry = new SimpleMeterRegistry();
        List<Point> points = new ArrayList<>(LoaderFixture.request(0, 2));
        points.add(new Point("poison", "eu", "h0", "", List.of(), List.of(new Field("x", 1)), LoaderFixture.T0));
        LoaderFixture.write(producer, points);
        LoaderFixture.write(producer, LoaderFixture.request(1, 2));

        loader(kafka, topics, new SinglePrimary(ds), registry, null);

        await(WAIT, "both requests stored", () -> count(ds, "SELECT count(*) FROM disk_samples") == 8
                && count(ds, "SELECT count(*) FROM host_metrics") == 4);
        // the loader counts a batch's refusals right after its commit: the rows can be visible a moment before
        await(WAIT, "the refused row counted", () -> counter(registry, "harbinger.store.loader.refused") >= 1);
        assertThat(counter(registry, "harbinger.store.loader.refused")).isEqualTo(1);
        assertThat(registry.get("harbinger.store.loader.errors").tag("kind", "data").counter().count()).isPositive();
        assertThat(count(ds, "SELECT count(*) FROM host_metrics WHERE measurement = 'poison'")).isZero();
    }

    @Test
    void backfilledSamplesWithOldDates_getTheirPartitionsCreatedBeforeCopy(EmbeddedKafka kafka, BundledPostgres postgres) {
        Topics topics = LoaderFixture.topics(kafka, 1);
        HikariDataSource ds = open.schema(postgres);
        KafkaPointSink producer = open.add(LoaderFixture.producer(kafka, topics));
        long jan2018 = 1_514_764_800_000_000_000L; // 2018-01-01T00:00:00Z, like the Backblaze 2018 replay
        List<Point> points = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            points.add(new Point("smart", "backblaze", "dc1", "ZA" + day, List.of(), List.of(new Field("smart_9_raw", day)),
                    jan2018 + day * 86_400_000_000_000L));
        }
        LoaderFixture.write(producer, points);

        loader(kafka, topics, new SinglePrimary(ds), new SimpleMeterRegistry(), null);

        await(WAIT, "the 2018 samples stored", () -> count(ds, "SELECT count(*) FROM disk_samples") == 3);
        assertThat(count(ds, "SELECT count(DISTINCT tableoid) FROM disk_samples WHERE ts < '2018-01-04'")).isEqualTo(3);
    }

    @Test
    void twoShards_eachStoresItsRegions_andAShardThatLostItsData_catchesUpAloneFromKafka(EmbeddedKafka kafka, BundledPostgres postgres) {
        Topics topics = LoaderFixture.topics(kafka, 2);
        HikariDataSource eu = open.schema(postgres);
        HikariDataSource us = open.schema(postgres);
        WriteRouting.Shard a = new WriteRouting.Shard("a", eu);
        WriteRouting.Shard b = new WriteRouting.Shard("b", us);
        WriteRouting routing = new WriteRouting() {
            @Override
            public Shard shardFor(String region) {
                return region.equals("eu") ? a : b;
            }

            @Override
            public List<Shard> shards() {
                return List.of(a, b);
            }
        };
        KafkaPointSink producer = open.add(LoaderFixture.producer(kafka, topics));
        for (int i = 0; i < 20; i++) LoaderFixture.write(producer, LoaderFixture.request(i, 4));
        StoreLoader first = loader(kafka, topics, routing, new SimpleMeterRegistry(), null);
        await(WAIT, "both shards stored", () -> count(eu, "SELECT count(*) FROM disk_samples") == 20 * 4
                && count(us, "SELECT count(*) FROM disk_samples") == 20 * 4);
        first.close();
        assertThat(count(eu, "SELECT count(*) FROM disk_samples WHERE region <> 'eu'")).isZero();
        assertThat(count(us, "SELECT count(*) FROM host_metrics WHERE region <> 'us-east'")).isZero();

        LoaderFixture.execute(us, "DELETE FROM loader_offsets"); // shard b restored from an empty backup
        LoaderFixture.execute(us, "TRUNCATE disk_samples, host_metrics");
        for (int i = 20; i < 25; i++) LoaderFixture.write(producer, LoaderFixture.request(i, 4));
        MeterRegistry registry = new SimpleMeterRegistry();
        loader(kafka, topics, routing, registry, null);

        await(WAIT, "shard b caught up, shard a got the new requests", () -> count(us, "SELECT count(*) FROM disk_samples") == 25 * 4
                && count(eu, "SELECT count(*) FROM disk_samples") == 25 * 4);
        await(WAIT, "offsets of both shards at the log end", () -> count(eu, "SELECT sum(next_offset) FROM loader_offsets") == endOffsets(kafka, topics)
                && count(us, "SELECT sum(next_offset) FROM loader_offsets") == endOffsets(kafka, topics));
        assertThat(counter(registry, "harbinger.store.loader.duplicates")).as("shard a skipped what it had by offset").isZero();
    }

    static long endOffsets(EmbeddedKafka kafka, Topics topics) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "isolation.level", "read_committed"),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topics.samples().name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
