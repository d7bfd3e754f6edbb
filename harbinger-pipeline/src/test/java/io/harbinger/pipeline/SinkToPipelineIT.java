package io.harbinger.pipeline;

import io.harbinger.schema.read.Totals;
import io.harbinger.schema.read.HostStats;
import io.harbinger.schema.TestPoints;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.predict.model.ModelHolder;
import io.harbinger.core.config.Settings;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.PointSink.WriteOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.harbinger.schema.TestPoints.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The sink and the pipeline against a real broker: what is acknowledged is counted, once. */
@ExtendWith(SharedKafka.class)
class SinkToPipelineIT {
    private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private static PipelineConfig config;
    private static Pipeline pipeline;
    private static KafkaPointSink sink;

    @BeforeAll
    static void start(EmbeddedKafka kafka, @TempDir Path stateDir) {
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        config = config(kafka.bootstrapServers(), stateDir, run + ".", run);
        pipeline = Pipeline.start(config, registry, ModelHolder.bundled());
        sink = KafkaPointSink.create(config, registry);
        await().atMost(Duration.ofSeconds(60)).until(pipeline::ready);
    }

    /** Topics and consumer groups of one run only, two partitions. */
    static PipelineConfig config(String bootstrapServers, Path stateDir, String topicPrefix, String applicationId) {
        Settings settings = Settings.builder(PipelineConfig.SETTINGS).set(PipelineConfig.TOPIC_PREFIX, topicPrefix)
                .set(PipelineConfig.APPLICATION_ID, applicationId).set(PipelineConfig.PARTITIONS, 2).build();
        return PipelineConfig.from(settings, bootstrapServers, stateDir);
    }

    @AfterAll
    static void stop() {
        if (sink != null) sink.close();
        if (pipeline != null) assertThat(pipeline.close(Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void acknowledgedWrite_isReflectedExactlyInTotals() throws Exception {
        Totals before = settledTotals();
        List<Point> points = new ArrayList<>();
        for (String host : List.of("h1", "h2", "h3")) points.addAll(TestPoints.request("totals", host, T0));

        sink.write(points, WriteOptions.NONE).toCompletableFuture().get(10, TimeUnit.SECONDS);

        Totals expected = new Totals(before.hosts() + 3, before.points() + 12, before.samples() + TestPoints.samples(points),
                before.duplicates(), before.corruptRecords());
        awaitTotals(expected);
        assertThat(pipeline.hosts()).filteredOn(h -> h.region().equals("totals"))
                .extracting(HostStats::host, HostStats::points, HostStats::lastSampleNanos)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("h1", 4L, T0), org.assertj.core.groups.Tuple.tuple("h2", 4L, T0),
                        org.assertj.core.groups.Tuple.tuple("h3", 4L, T0));
    }

    @Test
    void retryWithTheSameIdempotencyKey_isNotCountedTwice() throws Exception {
        Totals before = settledTotals();
        List<Point> first = List.of(TestPoints.host("idem", "a", T0), TestPoints.host("idem", "b", T0));
        List<Point> retry = List.of(TestPoints.host("idem", "a", T0 + 5), TestPoints.host("idem", "b", T0 + 5)); // server-stamped again

        sink.write(first, new WriteOptions("req-42")).toCompletableFuture().get(10, TimeUnit.SECONDS);
        sink.write(retry, new WriteOptions("req-42")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        awaitTotals(new Totals(before.hosts() + 2, before.points() + 2, before.samples() + 8, before.duplicates() + 2, before.corruptRecords()));
    }

    @Test
    void byteIdenticalRetryWithoutKey_isNotCountedTwice() throws Exception {
        Totals before = settledTotals();
        List<Point> request = TestPoints.request("timestamped", "a", T0);

        sink.write(request, WriteOptions.NONE).toCompletableFuture().get(10, TimeUnit.SECONDS);
        sink.write(request, WriteOptions.NONE).toCompletableFuture().get(10, TimeUnit.SECONDS);

        awaitTotals(new Totals(before.hosts() + 1, before.points() + 4, before.samples() + 28, before.duplicates() + 1, before.corruptRecords()));
    }

    @Test
    void garbageOnTheSamplesTopic_isSkippedAndCounted_andThePipelineKeepsRunning() throws Exception {
        Totals before = settledTotals();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", config.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.topics().samples().name(), "x/y", new byte[]{42, 42})).get(10, TimeUnit.SECONDS);
        }
        sink.write(List.of(TestPoints.host("after-garbage", "a", T0)), WriteOptions.NONE).toCompletableFuture().get(10, TimeUnit.SECONDS);

        awaitTotals(new Totals(before.hosts() + 1, before.points() + 1, before.samples() + 4, before.duplicates(), before.corruptRecords() + 1));
        assertThat(pipeline.ready()).isTrue();
    }

    @Test
    void host_afterAWrite_answersThatHostsStats() throws Exception {
        List<Point> request = TestPoints.request("lookup", "h1", T0);

        sink.write(request, WriteOptions.NONE).toCompletableFuture().get(10, TimeUnit.SECONDS);

        HostStats stats = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> pipeline.host("lookup", "h1"), Optional::isPresent).orElseThrow();
        assertThat(stats).extracting(HostStats::region, HostStats::host, HostStats::points, HostStats::samples,
                        HostStats::lastSampleNanos, HostStats::duplicates)
                .containsExactly("lookup", "h1", 4L, TestPoints.samples(request), T0, 0L);
        assertThat(stats.lastArrivalMillis()).isPositive();
        assertThat(pipeline.hosts()).contains(stats);
    }

    @Test
    void host_thatNeverWrote_isEmpty_evenWhenTheSameNameWroteInAnotherRegion() throws Exception {
        sink.write(List.of(TestPoints.host("known", "h1", T0)), WriteOptions.NONE).toCompletableFuture().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> pipeline.host("known", "h1"), Optional::isPresent);

        assertThat(pipeline.host("known", "nobody")).isEmpty();
        assertThat(pipeline.host("elsewhere", "h1")).isEmpty();
    }

    @Test
    void queries_ofAStoppedPipeline_throwNotQueryable() {
        String run = config.applicationId() + "-stopped";
        PipelineConfig other = config(config.bootstrapServers(), config.stateDir(), config.topicPrefix(), run);
        Pipeline stopped = Pipeline.start(other, new SimpleMeterRegistry(), ModelHolder.bundled()); // state under stateDir/<application id>
        await().atMost(Duration.ofSeconds(60)).until(stopped::ready);
        assertThat(stopped.close(Duration.ofSeconds(20))).isTrue();

        assertThatThrownBy(() -> stopped.host("lookup", "h1")).isInstanceOf(io.harbinger.schema.read.ReadUnavailableException.class)
                .hasMessageContaining("NOT_RUNNING");
        assertThatThrownBy(stopped::hosts).isInstanceOf(io.harbinger.schema.read.ReadUnavailableException.class);
        assertThatThrownBy(stopped::totals).isInstanceOf(io.harbinger.schema.read.ReadUnavailableException.class);
    }

    private static Totals settledTotals() {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(pipeline::totals, t -> true);
    }

    private static void awaitTotals(Totals expected) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(pipeline.totals()).isEqualTo(expected));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .untilAsserted(() -> assertThat(pipeline.totals()).isEqualTo(expected));
    }
}
