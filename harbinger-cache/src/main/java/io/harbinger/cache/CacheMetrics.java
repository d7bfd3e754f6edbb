package io.harbinger.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The cache's meters, named {@code harbinger.cache.*}; those of a tier are tagged {@code tier}
 * ({@code caffeine}, {@code redis}, and {@code postgres} for what the reads behind the cache took):
 * hits, misses, load (time), evictions, invalidations (records received), invalidation.delay
 * (PostgreSQL commit to eviction here), redis.errors, bypassed (reads not cached because the
 * invalidation stream was not yet positioned).
 */
final class CacheMetrics {
    final Counter caffeineHits;
    final Counter staleHits;
    final Counter caffeineMisses;
    final Counter redisHits;
    final Counter redisMisses;
    final Counter redisRejectedStale;
    final Timer postgresLoad;
    final Timer redisLoad;
    final Counter caffeineEvictions;
    final Counter caffeineSizeEvictions;
    final Counter redisEvictions;
    final Counter invalidations;
    final Counter corruptInvalidations;
    final Timer invalidationDelay;
    final Counter redisErrors;
    final Counter redisFlushes;
    final Counter bypassed;
    final Counter published;
    final Counter publishErrors;

    CacheMetrics(MeterRegistry registry) {
        caffeineHits = counter(registry, "harbinger.cache.hits", "caffeine", "Reads answered by this tier");
        staleHits = counter(registry, "harbinger.cache.hits", "stale", "Reads answered by this tier");
        redisHits = counter(registry, "harbinger.cache.hits", "redis", "Reads answered by this tier");
        caffeineMisses = counter(registry, "harbinger.cache.misses", "caffeine", "Reads this tier could not answer");
        redisMisses = counter(registry, "harbinger.cache.misses", "redis", "Reads this tier could not answer");
        redisRejectedStale = Counter.builder("harbinger.cache.redis.stale").description("Redis answers refused because they were loaded before the latest invalidation of their scope")
                .register(registry);
        postgresLoad = timer(registry, "postgres");
        redisLoad = timer(registry, "redis");
        caffeineEvictions = Counter.builder("harbinger.cache.evictions").tag("tier", "caffeine").tag("cause", "invalidation")
                .description("Cached answers evicted").register(registry);
        caffeineSizeEvictions = Counter.builder("harbinger.cache.evictions").tag("tier", "caffeine").tag("cause", "size")
                .description("Cached answers evicted").register(registry);
        redisEvictions = Counter.builder("harbinger.cache.evictions").tag("tier", "redis").tag("cause", "invalidation")
                .description("Cached answers evicted").register(registry);
        invalidations = Counter.builder("harbinger.cache.invalidations").description("Invalidation records received from the topic").register(registry);
        corruptInvalidations = Counter.builder("harbinger.cache.invalidations.corrupt").description("Invalidation records skipped because they did not decode")
                .register(registry);
        invalidationDelay = Timer.builder("harbinger.cache.invalidation.delay").description("From the PostgreSQL commit to the eviction on this node")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        redisErrors = Counter.builder("harbinger.cache.redis.errors").tag("tier", "redis").description("Redis commands that failed or timed out").register(registry);
        redisFlushes = Counter.builder("harbinger.cache.redis.flushes").tag("tier", "redis")
                .description("Times this node flushed the Redis namespace on reconnecting (invalidations were missed while it was down)").register(registry);
        bypassed = Counter.builder("harbinger.cache.bypassed").description("Reads sent past the cache while the invalidation stream was not positioned").register(registry);
        published = Counter.builder("harbinger.cache.invalidations.published").description("Invalidation records this node's loaders published").register(registry);
        publishErrors = Counter.builder("harbinger.cache.invalidations.publish.errors").description("Invalidation records that could not be published").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String tier, String description) {
        return Counter.builder(name).tag("tier", tier).description(description).register(registry);
    }

    private static Timer timer(MeterRegistry registry, String tier) {
        return Timer.builder("harbinger.cache.load").tag("tier", tier).description("Time to load a missed answer from this tier")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    }

    void delay(long millis) {
        invalidationDelay.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }
}
