package io.harbinger.cache;

import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.schema.cache.ChangedKey;
import io.harbinger.schema.cache.Invalidation;
import io.harbinger.schema.read.AtRiskQuery;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.read.DriveRisk;
import io.harbinger.schema.read.Page;
import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.topic.Topics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two cache "nodes" sharing a real {@code redis-server} and reading the invalidations of a real (embedded)
 * Kafka topic; each reads through its own view of one in-memory fleet. Redis is paused, stopped and
 * restarted under them.
 *
 * <p>Budget while Redis is down: once a node has seen one Redis failure, it sends Redis nothing until a
 * probe succeeds, so a read costs what Caffeine or the reads behind it cost, never the command timeout;
 * checked by the Redis error count not growing over many reads (and the latencies are reported).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadCacheIT {
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(50);
    private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");
    private static final AtomicInteger TEST = new AtomicInteger();

    private Path kafkaDir;
    private EmbeddedKafka kafka;
    private RedisServer redis;
    private RedisClient probeClient;
    private StatefulRedisConnection<String, String> probe;

    private FleetData fleet;
    private FleetData.Node readsA;
    private FleetData.Node readsB;
    private SimpleMeterRegistry registryA;
    private SimpleMeterRegistry registryB;
    private ReadCache nodeA;
    private ReadCache nodeB;
    private CacheConfig config;

    @BeforeAll
    void startServers() throws Exception {
        kafkaDir = Files.createTempDirectory("harbinger-it-kafka");
        kafka = EmbeddedKafka.start(kafkaDir);
        redis = RedisServer.start();
        probeClient = RedisClient.create(redis.url());
    }

    @AfterAll
    void stopServers() throws Exception {
        if (probe != null) probe.close();
        probeClient.shutdown();
        redis.close();
        kafka.close();
    }

    @BeforeEach
    void startNodes() throws Exception {
        Topics topics = new Topics("cache-it-" + TEST.incrementAndGet() + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.cacheInvalidations().name(), 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        config = new CacheConfig(true, java.util.Optional.of(redis.url()), 1_000, Duration.ofMinutes(10), REDIS_TIMEOUT, Duration.ofMillis(200), false,
                kafka.bootstrapServers(), topics, Map.of());
        fleet = new FleetData();
        fleet.predict("eu-1", "h1", "d1", 0.10, AS_OF.minusSeconds(60));
        fleet.predict("eu-1", "h1", "d2", 0.20, AS_OF.minusSeconds(60));
        fleet.predict("us-2", "h7", "d9", 0.30, AS_OF.minusSeconds(60));
        readsA = fleet.node();
        readsB = fleet.node();
        registryA = new SimpleMeterRegistry();
        registryB = new SimpleMeterRegistry();
        nodeA = ReadCache.start(config, readsA, registryA, Clock.systemUTC());
        nodeB = ReadCache.start(config, readsB, registryB, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.ready() && nodeB.ready() && nodeA.redisUp() && nodeB.redisUp());
    }

    @AfterEach
    void stopNodes() throws Exception {
        nodeA.close();
        nodeB.close();
        if (!redis.answers()) {
            redis.resume();
            if (!redis.answers()) redis.startProcess();
        }
    }

    private List<RiskPrediction> top(ReadCache node) {
        return node.reads().topRisk(100, AS_OF);
    }

    private List<DrivePrediction> drive(ReadCache node, String drive) {
        return node.reads().drivePredictions("eu-1", "h1", drive, AS_OF.minus(Duration.ofDays(30)), AS_OF);
    }

    private static double count(SimpleMeterRegistry registry, String name, String tier) {
        var counter = tier == null ? registry.find(name).counter() : registry.find(name).tag("tier", tier).counter();
        return counter == null ? 0 : counter.count();
    }

    private StatefulRedisConnection<String, String> redisDirect() {
        if (probe == null || !probe.isOpen()) probe = probeClient.connect();
        return probe;
    }

    /** Node A's write to Redis is sent without waiting: until it is there, node B could miss. */
    private void awaitStored(String method) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !redisDirect().sync().keys(config.redisNamespace() + "k:" + method + ":*").isEmpty());
    }

    @Test
    void secondNode_isAnsweredFromTheSharedTier() {
        List<RiskPrediction> first = top(nodeA);
        assertThat(readsA.reads).hasValue(1);
        awaitStored("top-risk");
        assertThat(top(nodeB)).isEqualTo(first); // NaN contributions and instants survive the JSON
        assertThat(readsB.reads).as("node B found it in Redis").hasValue(0);
        assertThat(count(registryB, "harbinger.cache.hits", "redis")).isEqualTo(1);
        top(nodeB);
        assertThat(count(registryB, "harbinger.cache.hits", "caffeine")).isEqualTo(1);

        AtRiskQuery firstTwo = new AtRiskQuery(Optional.empty(), AtRiskQuery.DEFAULT_BUCKETS, 2, Optional.empty());
        Page<DriveRisk> page = nodeA.reads().atRisk(firstTwo);
        assertThat(page.next()).isPresent();
        awaitStored("at-risk");
        assertThat(nodeB.reads().atRisk(firstTwo)).isEqualTo(page); // the cursor survives the shared tier
        assertThat(readsB.reads).hasValue(0);
        var summary = nodeA.reads().summary(14);
        awaitStored("summary");
        assertThat(nodeB.reads().summary(14)).isEqualTo(summary);
        assertThat(readsB.reads).hasValue(0);
    }

    @Test
    void newPrediction_evictsExactlyWhatItChanges_onBothNodes_andTheDelayIsMeasured() {
        drive(nodeA, "d2");
        drive(nodeB, "d2");
        int rounds = 40;
        List<Long> visibleMillis = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            top(nodeA);
            top(nodeB);
            drive(nodeA, "d1");
            drive(nodeB, "d1");
            double p = 0.5 + i / 100.0;
            fleet.predict("eu-1", "h1", "d1", p, AS_OF.minusSeconds(60 - i)); // the loader's commit
            long committed = System.nanoTime();
            nodeA.committed(Invalidation.Source.PREDICTIONS, Set.of(new ChangedKey("eu-1", "h1", "d1")));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() ->
                    drive(nodeA, "d1").getFirst().probability() == p && drive(nodeB, "d1").getFirst().probability() == p
                            && top(nodeA).getFirst().probability() == p && top(nodeB).getFirst().probability() == p);
            visibleMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed));
        }
        int d2Reads = readsA.reads.get() + readsB.reads.get();
        drive(nodeA, "d2");
        drive(nodeB, "d2");
        assertThat(readsA.reads.get() + readsB.reads.get()).as("drive d2 was never evicted: still cached on both nodes").isEqualTo(d2Reads);
        assertThat(count(registryB, "harbinger.cache.invalidations", null)).isEqualTo(rounds);
        report("commit -> new answer on both nodes (ms)", visibleMillis);
        reportDelay("node A", registryA);
        reportDelay("node B", registryB);
    }

    @Test
    void redisPaused_readsGoOnWithoutIt_andOnReturnItsNamespaceIsFlushed() throws Exception {
        top(nodeA); // in Caffeine A and in Redis
        String stale = config.redisNamespace() + "k:marker";
        redisDirect().sync().set(stale, "0 \"left from before\"");
        redis.pause(); // holds its data, answers nothing
        drive(nodeA, "d1"); // Redis GET times out once: Redis is down for node A
        drive(nodeB, "d1");
        assertThat(nodeA.redisUp()).isFalse();
        assertThat(nodeB.redisUp()).isFalse();
        double errorsA = count(registryA, "harbinger.cache.redis.errors", "redis");
        double errorsB = count(registryB, "harbinger.cache.redis.errors", "redis");

        fleet.predict("eu-1", "h1", "d1", 0.9, AS_OF.minusSeconds(1));
        nodeB.committed(Invalidation.Source.PREDICTIONS, Set.of(new ChangedKey("eu-1", "h1", "d1")));
        List<Long> micros = readWhileDown(nodeA, nodeB, 0.9);
        assertThat(count(registryA, "harbinger.cache.redis.errors", "redis")).as("no Redis command per read once down").isEqualTo(errorsA);
        assertThat(count(registryB, "harbinger.cache.redis.errors", "redis")).isEqualTo(errorsB);
        report("reads while Redis is paused (µs)", micros);
        assertThat(micros.stream().mapToLong(Long::longValue).max().orElseThrow()).as("no read waits for the Redis timeout")
                .isLessThan(REDIS_TIMEOUT.toNanos() / 1_000);

        redis.resume();
        await().atMost(Duration.ofSeconds(10)).until(() -> nodeA.redisUp() && nodeB.redisUp());
        assertThat(redisDirect().sync().exists(stale)).as("flushed on reconnect").isZero();
        assertThat(count(registryA, "harbinger.cache.redis.flushes", "redis")).isEqualTo(2); // at start and after the pause
        assertThat(top(nodeA).getFirst().probability()).isEqualTo(0.9);
    }

    @Test
    void redisStoppedAndRestarted_readsGoOn_andTheSharedTierIsUsedAgain() throws Exception {
        top(nodeA);
        redis.stop();
        drive(nodeA, "d1");
        drive(nodeB, "d1");
        await().atMost(Duration.ofSeconds(5)).until(() -> !nodeA.redisUp() && !nodeB.redisUp());
        double errorsA = count(registryA, "harbinger.cache.redis.errors", "redis");
        fleet.predict("eu-1", "h1", "d1", 0.8, AS_OF.minusSeconds(1));
        nodeA.committed(Invalidation.Source.PREDICTIONS, Set.of(new ChangedKey("eu-1", "h1", "d1")));
        List<Long> micros = readWhileDown(nodeA, nodeB, 0.8);
        assertThat(count(registryA, "harbinger.cache.redis.errors", "redis")).isEqualTo(errorsA);
        report("reads while Redis is stopped (µs)", micros);

        redis.startProcess();
        await().atMost(Duration.ofSeconds(15)).until(() -> nodeA.redisUp() && nodeB.redisUp());
        int before = readsB.reads.get();
        drive(nodeA, "d2"); // loaded by A, stored in Redis
        awaitStored("drive-predictions");
        assertThat(drive(nodeB, "d2")).isEqualTo(drive(nodeA, "d2"));
        assertThat(readsB.reads.get()).as("B answered from Redis again").isEqualTo(before);
    }

    /** Until both nodes show {@code probability} for d1, then 500 more reads each; each read's time in µs. */
    private List<Long> readWhileDown(ReadCache a, ReadCache b, double probability) {
        await().atMost(Duration.ofSeconds(10)).until(() -> drive(a, "d1").getFirst().probability() == probability
                && drive(b, "d1").getFirst().probability() == probability && top(a).getFirst().probability() == probability);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            for (ReadCache node : List.of(a, b)) {
                long t0 = System.nanoTime();
                if (i % 10 == 0) node.reads().drivePredictions("eu-1", "h1", "d1", AS_OF.minusSeconds(i), AS_OF); // a miss: to the reads behind
                else top(node);
                micros.add((System.nanoTime() - t0) / 1_000);
            }
        }
        return micros;
    }

    private static void report(String what, List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("ReadCacheIT %s: n=%d p50=%d p99=%d max=%d%n", what, sorted.length, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1]);
        assertThat(Arrays.stream(sorted).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    }

    private static void reportDelay(String node, SimpleMeterRegistry registry) {
        Timer delay = registry.find("harbinger.cache.invalidation.delay").timer();
        assertThat(delay).isNotNull();
        var snapshot = delay.takeSnapshot();
        System.out.printf("ReadCacheIT invalidation delay (commit -> eviction) %s: n=%d mean=%.1f ms max=%.1f ms percentiles=%s%n", node, delay.count(),
                delay.mean(TimeUnit.MILLISECONDS), delay.max(TimeUnit.MILLISECONDS), Arrays.toString(snapshot.percentileValues()));
    }
}
