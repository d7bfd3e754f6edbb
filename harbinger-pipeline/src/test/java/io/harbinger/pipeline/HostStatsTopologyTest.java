package io.harbinger.pipeline;

import io.harbinger.schema.read.HostStats;
import io.harbinger.schema.TestPoints;
import io.harbinger.core.point.Point;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.pipeline.serde.CodecSerde;
import io.harbinger.schema.wire.PointBatchCodec;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.harbinger.schema.TestPoints.T0;
import static org.assertj.core.api.Assertions.assertThat;

class HostStatsTopologyTest {
    private static final String SAMPLES = "t.samples";
    private static final Instant ARRIVAL = Instant.parse("2026-01-01T00:00:01Z");

    @TempDir
    Path stateDir;
    private final CorruptRecords corrupt = new CorruptRecords();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> samples;
    private TestOutputTopic<String, PointBatch> accepted;
    private KeyValueStore<String, HostState> store;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        HostStatsTopology.build(builder, SAMPLES).to("accepted", Produced.with(Serdes.String(), Serdes.ByteArray()));
        PipelineConfig config = PipelineConfig.defaults("127.0.0.1:9092", stateDir);
        driver = new TopologyTestDriver(builder.build(), Pipeline.streamsConfig(config, corrupt));
        samples = driver.createInputTopic(SAMPLES, new StringSerializer(), new ByteArraySerializer());
        accepted = driver.createOutputTopic("accepted", new StringDeserializer(), CodecSerde.of(PointBatchCodec.CODEC).deserializer());
        store = driver.getKeyValueStore(HostStatsTopology.STORE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void counts_pointsAndSamples_perHost() {
        send(1L, TestPoints.request("eu", "a", T0), ARRIVAL);
        send(2L, TestPoints.request("eu", "a", T0 + 10), ARRIVAL);
        send(3L, List.of(TestPoints.host("us", "b", T0)), ARRIVAL);

        assertThat(store.get("eu/a")).extracting(HostState::points, HostState::samples).containsExactly(8L, 56L);
        assertThat(store.get("us/b")).extracting(HostState::region, HostState::host, HostState::points, HostState::samples)
                .containsExactly("us", "b", 1L, 4L);
    }

    @Test
    void lastSeen_isTheNewestPointTimestamp_andTheNewestRecordTimestamp() {
        send(1L, List.of(TestPoints.host("eu", "a", T0 + 50), TestPoints.host("eu", "a", T0 + 20)), ARRIVAL.plusSeconds(5));
        send(2L, List.of(TestPoints.host("eu", "a", T0 + 30)), ARRIVAL);

        HostStats stats = store.get("eu/a").stats();
        assertThat(stats.lastSampleNanos()).isEqualTo(T0 + 50);
        assertThat(stats.lastArrivalMillis()).isEqualTo(ARRIVAL.plusSeconds(5).toEpochMilli());
    }

    @Test
    void aRetryWithAKnownFingerprint_isDroppedAndCounted_notForwarded() {
        List<Point> request = TestPoints.request("eu", "a", T0);
        send(7L, request, ARRIVAL);
        send(7L, request, ARRIVAL.plusSeconds(1));

        assertThat(store.get("eu/a")).extracting(HostState::points, HostState::duplicates).containsExactly(4L, 1L);
        assertThat(store.get("eu/a").lastArrivalMillis()).isEqualTo(ARRIVAL.plusSeconds(1).toEpochMilli());
        assertThat(accepted.readValuesToList()).hasSize(1);
    }

    @Test
    void thesamePayloadWithADifferentFingerprint_isCountedAgain() {
        List<Point> request = TestPoints.request("eu", "a", T0);
        send(7L, request, ARRIVAL);
        send(8L, request, ARRIVAL);

        assertThat(store.get("eu/a")).extracting(HostState::points, HostState::duplicates).containsExactly(8L, 0L);
    }

    @Test
    void aRetryAfter64NewerRecordsFromTheSameHost_isNoLongerRecognised() {
        send(1L, List.of(TestPoints.host("eu", "a", T0)), ARRIVAL);
        for (long fp = 100; fp < 100 + FingerprintRing.CAPACITY - 1; fp++) send(fp, List.of(TestPoints.host("eu", "a", T0)), ARRIVAL);
        send(1L, List.of(TestPoints.host("eu", "a", T0)), ARRIVAL);
        assertThat(store.get("eu/a").duplicates()).as("63 newer records: still in the ring").isEqualTo(1L);

        send(500L, List.of(TestPoints.host("eu", "a", T0)), ARRIVAL);
        send(501L, List.of(TestPoints.host("eu", "a", T0)), ARRIVAL);
        send(1L, List.of(TestPoints.host("eu", "a", T0)), ARRIVAL);

        assertThat(store.get("eu/a").duplicates()).as("pushed out of the ring: accepted again").isEqualTo(1L);
    }

    @Test
    void aCorruptRecord_isSkippedAndCounted_andProcessingContinues() {
        samples.pipeInput("eu/a", new byte[]{1, 2, 3}, ARRIVAL);
        samples.pipeInput("eu/a", null, ARRIVAL);
        send(1L, List.of(TestPoints.host("eu", "a", T0)), ARRIVAL);

        assertThat(corrupt.count()).isEqualTo(2L);
        assertThat(store.get("eu/a").points()).isEqualTo(1L);
    }

    @Test
    void batchesOfOneHost_areForwardedInArrivalOrder() {
        List<Long> fingerprints = List.of(5L, 3L, 9L, 1L, 7L);
        for (long fp : fingerprints) send(fp, List.of(TestPoints.host("eu", "a", T0 + fp)), ARRIVAL);

        assertThat(accepted.readValuesToList()).extracting(PointBatch::fingerprint).containsExactlyElementsOf(fingerprints);
    }

    private void send(long fingerprint, List<Point> points, Instant arrival) {
        PointBatch batch = new PointBatch(fingerprint, points);
        samples.pipeInput(null, PointBatchCodec.encode(batch), arrival);
    }
}
