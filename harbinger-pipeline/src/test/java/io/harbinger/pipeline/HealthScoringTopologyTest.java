package io.harbinger.pipeline;

import io.harbinger.core.point.Point;
import io.harbinger.pipeline.serde.CodecSerde;
import io.harbinger.predict.health.HealthMemory;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelHolder;
import io.harbinger.schema.TestPoints;
import io.harbinger.schema.disk.SmartFields;
import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.schema.topic.Topics;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.schema.wire.PointBatchCodec;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.harbinger.predict.health.SmartctlFixtures.later;
import static io.harbinger.predict.health.SmartctlFixtures.point;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring step on drives the shipped model was not trained on: the real smartctl reports of the data
 * set, parsed by the real parser, judged by their health logs in the stream.
 */
class HealthScoringTopologyTest {
    private static final Topics TOPICS = new Topics("t.");
    private static final java.time.Duration RESCORE = java.time.Duration.ofHours(1); // the default
    private static final String SAMPLES = TOPICS.samples().name();
    private static FailureModel shipped;

    @TempDir
    Path stateDir;
    private final AtomicLong fingerprints = new AtomicLong(1);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> samples;
    private TestOutputTopic<String, PredictionBatch> predictions;

    @BeforeAll
    static void loadModel() {
        shipped = ModelHolder.bundled().get();
    }

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        DriveScoringTopology.build(builder, HostStatsTopology.build(builder, SAMPLES), TOPICS.predictions(), ModelHolder.fixed(shipped), RESCORE, new ScoringCounters());
        driver = new TopologyTestDriver(builder.build(), Pipeline.streamsConfig(PipelineConfig.defaults("127.0.0.1:9092", stateDir), new CorruptRecords()));
        samples = driver.createInputTopic(SAMPLES, new StringSerializer(), new ByteArraySerializer());
        predictions = driver.createOutputTopic(TOPICS.predictions().name(), new StringDeserializer(), CodecSerde.of(TOPICS.predictions().values()).deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void theFailedNvme_isAWarningForItsMediaErrors_thenBadWithOneAlertWhileTheyGrow() {
        Point failed = point("smart-nvme-failed.json");

        send(failed);
        send(later(failed, 1, SmartFields.NVME_MEDIA_ERRORS, 9));
        send(later(failed, 2, SmartFields.NVME_MEDIA_ERRORS, 11));

        List<PredictionBatch> out = predictions.readValuesToList();
        assertThat(out).hasSize(3);
        ScoredSample first = single(out.get(0));
        assertThat(first.drive()).isEqualTo("S466NX0M776250H");
        assertThat(first.prediction().assessor()).isEqualTo(Assessor.NVME_HEALTH_LOG);
        assertThat(first.prediction().modelVersion()).isEqualTo("nvme-health-v1");
        assertThat(first.prediction().bucket()).isEqualTo(Bucket.WARNING);
        assertThat(first.prediction().facts()).containsExactly("media and data integrity errors at 7");
        assertThat(out.get(0).alerts()).isEmpty();
        ScoredSample grown = single(out.get(1));
        assertThat(grown.prediction().bucket()).isEqualTo(Bucket.BAD);
        assertThat(grown.prediction().facts()).containsExactly("media and data integrity errors 7 -> 9 in 1 day");
        assertThat(out.get(1).alerts()).containsExactly(grown);
        assertThat(single(out.get(2)).prediction().bucket()).isEqualTo(Bucket.BAD);
        assertThat(single(out.get(2)).prediction().facts()).containsExactly("media and data integrity errors 7 -> 11 in 2 days");
        assertThat(out.get(2).alerts()).as("one alert per episode").isEmpty();
    }

    @Test
    void aHealthyNvme_isGood_withoutAlert_andKeepsItsMemoryApartFromTheModelsHistories() {
        send(point("smart-nvme.json"));

        ScoredSample s = single(predictions.readValuesToList().get(0));
        assertThat(s.prediction().assessor()).isEqualTo(Assessor.NVME_HEALTH_LOG);
        assertThat(s.prediction().bucket()).isEqualTo(Bucket.GOOD);
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(DriveScoringTopology.STORE);
        assertThat(store.get("eu/h1/BTNH93710FS91P0B")).as("no model history").isNull();
        assertThat(HealthMemory.decode(store.get(HealthScoring.KEY_PREFIX + "eu/h1/BTNH93710FS91P0B")).timestampNanos())
                .isEqualTo(s.timestampNanos());
    }

    @Test
    void oneRecord_mixingKinds_hasEachJudgedByItsAssessor() {
        send(point("smart-scsi.json"), point("smart-ata.json"), TestPoints.disk("eu", "h1", "ZA1", 3, 0));

        List<ScoredSample> scored = predictions.readValuesToList().get(0).scored();
        assertThat(scored).extracting(ScoredSample::drive, s -> s.prediction().assessor())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ZA1", Assessor.MODEL),
                        org.assertj.core.groups.Tuple.tuple("Z1Z5DWJK0000XXXXXXXX", Assessor.SCSI_HEALTH_LOG),
                        org.assertj.core.groups.Tuple.tuple("9RK1XXXX", Assessor.SMART_COUNTERS));
        ScoredSample model = scored.stream().filter(s -> s.drive().equals("ZA1")).findFirst().orElseThrow();
        assertThat(model.prediction().modelVersion()).isEqualTo(shipped.version());
    }

    private void send(Point... points) {
        samples.pipeInput(points[0].routingKey(), PointBatchCodec.encode(new PointBatch(fingerprints.getAndIncrement(), List.of(points))),
                Instant.parse("2026-01-01T00:00:01Z"));
    }

    private static ScoredSample single(PredictionBatch batch) {
        assertThat(batch.scored()).hasSize(1);
        return batch.scored().get(0);
    }
}
