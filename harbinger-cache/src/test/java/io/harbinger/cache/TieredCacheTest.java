package io.harbinger.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.harbinger.schema.cache.ChangedKey;
import io.harbinger.schema.cache.Invalidation;
import io.harbinger.schema.read.ReadUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TieredCacheTest {
    private static final JavaType TEXT = TypeFactory.defaultInstance().constructType(String.class);
    private static final CacheKey DRIVE_1 = CacheKey.of("drive", Scope.drive("eu-1", "h1", "d1"));
    private static final CacheKey DRIVE_2 = CacheKey.of("drive", Scope.drive("eu-1", "h1", "d2"));
    private static final CacheKey HOST_1 = CacheKey.of("host", Scope.host("eu-1", "h1"));
    private static final CacheKey REGION_EU = CacheKey.of("at-risk", Scope.region("eu-1"));
    private static final CacheKey REGION_US = CacheKey.of("at-risk", Scope.region("us-2"));
    private static final CacheKey FLEET = CacheKey.of("summary", Scope.FLEET);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CacheMetrics metrics = new CacheMetrics(registry);
    private final AtomicLong ticker = new AtomicLong(1_000);
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final TieredCache cache = new TieredCache(100, Duration.ofMinutes(10), Optional.empty(), "ns:", metrics, Clock.systemUTC(),
            ticker::incrementAndGet, ready::get);
    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<String> loader(String value) {
        return () -> {
            loads.incrementAndGet();
            return value + "#" + loads.get();
        };
    }

    private String get(CacheKey key) {
        return cache.get(key, TEXT, loader(key.method()));
    }

    private static Invalidation predictions(ChangedKey... keys) {
        return new Invalidation(Instant.now(), Invalidation.Source.PREDICTIONS, List.of(keys));
    }

    @Test
    void secondRead_isAnsweredFromCaffeine() {
        String first = get(DRIVE_1);
        assertThat(get(DRIVE_1)).isEqualTo(first);
        assertThat(loads).hasValue(1);
        assertThat(metrics.caffeineHits.count()).isEqualTo(1);
        assertThat(metrics.caffeineMisses.count()).isEqualTo(1);
    }

    @Test
    void concurrentMissesOfOneKey_loadOnce() throws Exception {
        int callers = 16;
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<String> slow = () -> {
            loads.incrementAndGet();
            loading.countDown();
            await(release);
            return "answer";
        };
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> cache.get(FLEET, TEXT, slow)));
            assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i < callers; i++) answers.add(pool.submit(() -> cache.get(FLEET, TEXT, slow)));
            while (metrics.caffeineHits.count() < callers - 1) Thread.onSpinWait(); // every other caller waits on the one load
            release.countDown();
            for (Future<String> a : answers) assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("answer");
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).hasValue(1);
        assertThat(metrics.caffeineMisses.count()).isEqualTo(1);
    }

    @Test
    void predictionOfADrive_evictsItsDriveHostRegionAndFleetEntries_only() {
        for (CacheKey key : List.of(DRIVE_1, DRIVE_2, HOST_1, REGION_EU, REGION_US, FLEET)) get(key);
        cache.apply(predictions(new ChangedKey("eu-1", "h1", "d1")));
        assertThat(cache.view().keySet()).containsExactlyInAnyOrder(DRIVE_2, REGION_US);
        assertThat(metrics.caffeineEvictions.count()).isEqualTo(4);
        assertThat(metrics.invalidations.count()).isEqualTo(1);
        int before = loads.get();
        get(DRIVE_1);
        get(DRIVE_2);
        assertThat(loads.get() - before).as("only the evicted one is loaded again").isEqualTo(1);
    }

    @Test
    void newSample_evictsTheDriveAndHost_butNotRegionOrFleet() {
        for (CacheKey key : List.of(DRIVE_1, HOST_1, REGION_EU, FLEET)) get(key);
        cache.apply(new Invalidation(Instant.now(), Invalidation.Source.SAMPLES, List.of(new ChangedKey("eu-1", "h1", "d1"))));
        assertThat(cache.view().keySet()).containsExactlyInAnyOrder(REGION_EU, FLEET);
    }

    @Test
    void answerLoadedWhileItsScopeWasInvalidated_isReturnedButNotKept() {
        Supplier<String> racing = () -> {
            loads.incrementAndGet();
            cache.apply(predictions(new ChangedKey("eu-1", "h1", "d1"))); // the commit lands while the old rows are read
            return "old";
        };
        assertThat(cache.get(DRIVE_1, TEXT, racing)).isEqualTo("old");
        assertThat(cache.view()).doesNotContainKey(DRIVE_1);
        assertThat(get(DRIVE_1)).isEqualTo("drive#2");
    }

    @Test
    void failedLoad_reachesTheCaller_andIsNotCached() {
        Supplier<String> failing = () -> {
            loads.incrementAndGet();
            throw new ReadUnavailableException("no shard answers", null);
        };
        assertThatThrownBy(() -> cache.get(FLEET, TEXT, failing)).isInstanceOf(ReadUnavailableException.class);
        assertThat(cache.view()).doesNotContainKey(FLEET);
        assertThat(get(FLEET)).isEqualTo("summary#2");
    }

    @Test
    void whileTheInvalidationStreamIsNotPositioned_readsGoPastTheCache() {
        ready.set(false);
        get(FLEET);
        get(FLEET);
        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
        assertThat(metrics.bypassed.count()).isEqualTo(2);
    }

    @Test
    void sizeBound_evictsAndCounts() {
        TieredCache small = new TieredCache(2, Duration.ofMinutes(10), Optional.empty(), "ns:", metrics, Clock.systemUTC(), ticker::incrementAndGet, () -> true);
        for (int i = 0; i < 50; i++) small.get(CacheKey.of("k" + i, Scope.FLEET), TEXT, () -> "v");
        assertThat(small.size()).isLessThanOrEqualTo(2);
        assertThat(metrics.caffeineSizeEvictions.count()).isGreaterThan(0);
    }

    @Test
    void refreshAhead_servesTheEvictedAnswerAtOnce_whileOneBackgroundLoadReplacesIt() throws Exception {
        TieredCache ahead = new TieredCache(100, Duration.ofMinutes(10), Optional.empty(), "ns:", metrics, Clock.systemUTC(), ticker::incrementAndGet,
                () -> true, true);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger version = new AtomicInteger(1);
        Supplier<String> slow = () -> {
            loads.incrementAndGet();
            if (version.get() > 1) await(release);
            return "v" + version.get();
        };
        try {
            assertThat(ahead.get(FLEET, TEXT, slow)).isEqualTo("v1");
            version.set(2);
            ahead.apply(predictions(new ChangedKey("eu-1", "h1", "d1")));
            for (int i = 0; i < 10; i++) assertThat(ahead.get(FLEET, TEXT, slow)).as("no reader waits for the reload").isEqualTo("v1");
            long started = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (loads.get() < 2) { // the reload runs on another thread: it may not have begun yet
                assertThat(System.nanoTime()).as("the background reload begins").isLessThan(started);
                Thread.sleep(1);
            }
            for (int i = 0; i < 10; i++) assertThat(ahead.get(FLEET, TEXT, slow)).as("still no reader waits").isEqualTo("v1");
            assertThat(loads).as("one background reload for all of them").hasValue(2);
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ahead.get(FLEET, TEXT, slow).equals("v2")) {
                assertThat(System.nanoTime()).as("the reload replaces the answer").isLessThan(deadline);
                Thread.sleep(1);
            }
            assertThat(loads).hasValue(2);
            assertThat(metrics.staleHits.count()).isGreaterThanOrEqualTo(10);
        } finally {
            ahead.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
