package io.harbinger.pipeline;

import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.core.config.Settings;
import io.harbinger.core.point.Point;
import io.harbinger.schema.wire.PointBatchCodec;
import io.harbinger.predict.model.ModelHolder;
import io.harbinger.predict.offline.BackblazeDays;
import io.harbinger.predict.offline.DayFile;
import io.harbinger.predict.offline.FleetLayout;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The Streams processor's throughput on real disk samples, with and without failure prediction, in one
 * run on one embedded broker: the first {@code days} days of backblaze-st4000dm000-2018-h1, placed on
 * hosts as {@code harbinger replay} does (one record per host and day, ~53 samples each), produced to
 * the samples topic before the timed part. Each round starts a fresh application (from offset 0) and
 * ends when its committed offsets reach the end of the topic. <em>host state</em> is the foundation's
 * topology alone; <em>+ scoring</em> adds features, the shipped model (probability and tree SHAP) and
 * the predictions topic. samples/CPU-s divides by the CPU time of the stream thread. A main, not a
 * test: see BENCHMARKS.md for the command.
 */
public final class ScoringPipelineBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path data = Path.of(System.getProperty("harbinger.test.data", "../shared/data")).resolve("backblaze-st4000dm000-2018-h1");
        Path dir = Files.createTempDirectory("scoring-bench-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            PipelineConfig config = config(kafka.bootstrapServers(), dir.resolve("streams"), "bench-setup");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                new TopicAdmin(config.topics()).ensure(admin, 4, (short) 1);
                long[] produced = produce(kafka.bootstrapServers(), config.topics().samples().name(), data, days);
                System.out.printf("input: %d samples in %d records (%d days)%n", produced[0], produced[1], days);
                for (int round = 0; round <= rounds; round++) {
                    for (boolean scoring : new boolean[]{false, true}) {
                        String app = "bench-" + (scoring ? "scoring" : "hosts") + "-" + round;
                        long[] r = run(config(kafka.bootstrapServers(), dir.resolve("streams"), app), admin, scoring, produced[1]);
                        if (round == 0) continue; // JIT warm-up
                        System.out.printf("round %d %-12s %8.0f samples/s wall  %8.0f samples/CPU-s (stream thread)%n", round,
                                scoring ? "+ scoring" : "host state", produced[0] * 1e9 / r[0], produced[0] * 1e9 / r[1]);
                    }
                }
            }
        }
    }

    /** Topics {@code bench.*} with four partitions; the processor {@code app}. */
    private static PipelineConfig config(String bootstrapServers, Path stateDir, String app) {
        Settings settings = Settings.builder(PipelineConfig.SETTINGS).set(PipelineConfig.TOPIC_PREFIX, "bench.")
                .set(PipelineConfig.PARTITIONS, 4).set(PipelineConfig.APPLICATION_ID, app).build();
        return PipelineConfig.from(settings, bootstrapServers, stateDir);
    }

    private static long[] produce(String bootstrap, String topic, Path data, int days) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.LINGER_MS_CONFIG, 5);
        long samples = 0;
        long records = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (DayFile day : BackblazeDays.list(data, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 1).plusDays(days - 1))) {
                Map<FleetLayout.Place, List<Point>> byHost = new LinkedHashMap<>();
                for (Point p : BackblazeDays.points(day)) {
                    FleetLayout.Place place = FleetLayout.DEFAULT.of(p.drive());
                    byHost.computeIfAbsent(place, k -> new ArrayList<>())
                            .add(new Point(p.measurement(), place.region(), place.host(), p.drive(), p.tags(), p.fields(), p.timestampNanos()));
                }
                for (Map.Entry<FleetLayout.Place, List<Point>> host : byHost.entrySet()) {
                    String key = Point.routingKey(host.getKey().region(), host.getKey().host());
                    producer.send(new ProducerRecord<>(topic, key, PointBatchCodec.encodeWithContentFingerprint(host.getValue())));
                    samples += host.getValue().size();
                    records++;
                }
            }
            producer.flush();
        }
        return new long[]{samples, records};
    }

    /** @return wall nanos and stream-thread CPU nanos until every input record is committed */
    private static long[] run(PipelineConfig config, Admin admin, boolean scoring, long records) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, byte[]> accepted = HostStatsTopology.build(builder, config.topics().samples().name());
        if (scoring) DriveScoringTopology.build(builder, accepted, config.topics().predictions(), ModelHolder.bundled(), config.rescoreInterval(), new ScoringCounters());
        Properties p = Pipeline.streamsConfig(config, new CorruptRecords());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), p)) {
            long start = System.nanoTime();
            streams.start();
            long cpu = 0;
            while (committed(admin, config.applicationId()) < records) {
                cpu = streamThreadCpu(config.applicationId());
                Thread.sleep(50);
            }
            cpu = Math.max(cpu, streamThreadCpu(config.applicationId()));
            long wall = System.nanoTime() - start;
            streams.close(Duration.ofSeconds(30));
            return new long[]{wall, cpu};
        }
    }

    private static long committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static long streamThreadCpu(String app) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(app) && t.getName().contains("StreamThread")) total += Math.max(0, THREADS.getThreadCpuTime(t.threadId()));
        }
        return total;
    }
}
