package io.harbinger.pipeline;

import io.harbinger.schema.TestPoints;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.PointSink.WriteOptions;
import io.harbinger.pipeline.serde.CodecSerde;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.predict.feature.DriveHistory;
import io.harbinger.predict.feature.DriveReading;
import io.harbinger.predict.feature.Features;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelHolder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.harbinger.schema.TestPoints.disk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disk samples through the sink and the pipeline on a real broker, with the shipped model: the committed
 * predictions topic holds each sample's prediction once, also when the pipeline is stopped and started
 * again on the same state directory half-way, and the drives' histories (and alert episodes) survive it.
 */
@ExtendWith(SharedKafka.class)
class DriveScoringIT {
    private static final List<String> HOSTS = List.of("h1", "h2", "h3");
    private static final List<String> DRIVES = List.of("ZA-ok", "ZA-bad");
    private static final int DAYS = 8;
    private static final int RESTART_AFTER_DAY = 4;

    @TempDir
    Path stateDir;

    @Test
    void eachSample_hasOneCommittedPrediction_acrossARestartOnTheSameStateDir(EmbeddedKafka kafka) throws Exception {
        String run = "scoring-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineConfig config = SinkToPipelineIT.config(kafka.bootstrapServers(), stateDir, run + ".", run);
        ModelHolder model = ModelHolder.bundled();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Map<String, Double> expected = new HashMap<>();
        Map<String, DriveHistory> offline = new HashMap<>();

        Pipeline pipeline = startAndAwaitReady(config, model);
        try (KafkaPointSink sink = KafkaPointSink.create(config, registry)) {
            for (int day = 1; day <= DAYS; day++) {
                if (day == RESTART_AFTER_DAY + 1) { // records of the first days may still be in flight
                    assertThat(pipeline.close(Duration.ofSeconds(30))).isTrue();
                    pipeline = startAndAwaitReady(config, model);
                }
                for (String host : HOSTS) {
                    List<Point> request = request(host, day);
                    for (Point p : request) if (p.measurement().equals("smart")) expected.put(id(p), offlineProbability(model.get(), offline, p));
                    sink.write(request, WriteOptions.NONE).toCompletableFuture().get(10, TimeUnit.SECONDS);
                }
            }

            List<PredictionBatch> committed = readCommitted(config, expected.size());

            List<ScoredSample> predictions = committed.stream().flatMap(b -> b.scored().stream()).toList();
            assertThat(predictions).extracting(DriveScoringIT::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertThat(predictions).allSatisfy(p -> assertThat(probability(p)).as(id(p)).isEqualTo(expected.get(id(p))));
            List<ScoredSample> alerts = committed.stream().flatMap(b -> b.alerts().stream()).toList();
            assertThat(alerts).extracting(ScoredSample::drive).containsOnly("ZA-bad");
            assertThat(alerts).extracting(ScoredSample::host).containsExactlyInAnyOrderElementsOf(HOSTS);
            assertThat(alerts).as("raised before the restart").allSatisfy(a -> assertThat(a.timestampNanos()).isLessThanOrEqualTo(TestPoints.day(RESTART_AFTER_DAY)));
            double alertAt = model.get().info().thresholds().alert();
            assertThat(predictions).as("flagged days after the restart: an episode that goes on raises nothing new")
                    .anySatisfy(p -> {
                        assertThat(p.timestampNanos()).isGreaterThan(TestPoints.day(RESTART_AFTER_DAY));
                        assertThat(probability(p)).isGreaterThanOrEqualTo(alertAt);
                    });
        } finally {
            assertThat(pipeline.close(Duration.ofSeconds(30))).isTrue();
        }
    }

    private static Pipeline startAndAwaitReady(PipelineConfig config, ModelHolder model) {
        Pipeline pipeline = Pipeline.start(config, new SimpleMeterRegistry(), model);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(pipeline::ready);
        return pipeline;
    }

    /** One host's day: a healthy drive, a drive whose error counters grow by hundreds a day, and a host point. */
    private static List<Point> request(String host, int day) {
        return List.of(disk("it", host, DRIVES.get(0), day, 0), disk("it", host, DRIVES.get(1), day, day * 300),
                TestPoints.host("it", host, TestPoints.day(day)));
    }

    private static double offlineProbability(FailureModel model, Map<String, DriveHistory> offline, Point sample) {
        DriveHistory history = offline.computeIfAbsent(sample.host() + '/' + sample.drive(), k -> new DriveHistory());
        DriveReading reading = DriveReading.of(sample).orElseThrow();
        history.add(reading);
        // the shipped model alarms on one day: the risk is the day's raw probability through its calibration
        assertThat(model.info().alarm()).isEqualTo(io.harbinger.predict.model.AlarmPolicy.SINGLE_DAY);
        return model.assess(model.probabilities(Features.compute(history, reading.epochDay()), 1)[0], history.historyDays(reading.epochDay())).risk();
    }

    /**
     * Every committed record on the predictions topic: polls until {@code predictions} scored samples
     * arrived (or a minute passed), then two seconds more so that duplicates would show.
     */
    private static List<PredictionBatch> readCommitted(PipelineConfig config, int predictions) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<PredictionBatch> batches = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), CodecSerde.of(config.topics().predictions().values()).deserializer())) {
            String topic = config.topics().predictions().name();
            List<TopicPartition> partitions = IntStream.range(0, config.partitions()).mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, PredictionBatch> r : consumer.poll(Duration.ofMillis(200))) batches.add(r.value());
                if (settleUntil == Long.MAX_VALUE && batches.stream().mapToLong(b -> b.scored().size()).sum() >= predictions) {
                    settleUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                }
            }
        }
        return batches;
    }

    private static String id(Point p) {
        return p.host() + '/' + p.drive() + '@' + p.timestampNanos();
    }

    private static String id(ScoredSample p) {
        return p.host() + '/' + p.drive() + '@' + p.timestampNanos();
    }

    private static double probability(ScoredSample p) {
        return p.prediction().probability();
    }
}
