package io.harbinger.cache;

import io.harbinger.schema.cache.ChangedKey;
import io.harbinger.schema.cache.Invalidation;
import io.harbinger.schema.read.FleetReads;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/**
 * A node's read cache (see {@code docs/adr/0010-read-cache.md}): {@link #reads} answers the fleet reads
 * from Caffeine, then Redis (with {@code --redis}), then the reads it wraps; {@link #committed} publishes
 * what a loader committed to the invalidations topic, which every node reads to evict what changed.
 * With {@code --read-cache off} the reads are not wrapped, but commits are still published (other nodes
 * may cache).
 */
public final class ReadCache implements AutoCloseable {
    private final FleetReads reads;
    private final InvalidationPublisher publisher;
    private final Optional<InvalidationListener> listener;
    private final Optional<RedisTier> redis;
    private final Optional<TieredCache> cache;

    private ReadCache(FleetReads reads, InvalidationPublisher publisher, Optional<InvalidationListener> listener, Optional<RedisTier> redis,
                      Optional<TieredCache> cache) {
        this.reads = reads;
        this.publisher = publisher;
        this.listener = listener;
        this.redis = redis;
        this.cache = cache;
    }

    /** Starts the publisher and, when enabled, the Redis tier and the invalidation listener; returns at once. */
    public static ReadCache start(CacheConfig config, FleetReads delegate, MeterRegistry registry, Clock clock) {
        CacheMetrics metrics = new CacheMetrics(registry);
        InvalidationPublisher publisher = new InvalidationPublisher(config, clock, metrics);
        if (!config.enabled()) return new ReadCache(delegate, publisher, Optional.empty(), Optional.empty(), Optional.empty());
        Optional<RedisTier> redis = config.redis().map(url -> RedisTier.start(url, config.redisNamespace(), config.redisTimeout(),
                config.redisRetry(), config.ttl(), metrics));
        InvalidationListener[] listener = new InvalidationListener[1];
        TieredCache cache = new TieredCache(config.maxEntries(), config.ttl(), redis, config.redisNamespace(), metrics, clock, System::nanoTime,
                () -> listener[0].ready(), config.refreshAhead());
        listener[0] = new InvalidationListener(config, cache::apply, metrics);
        Gauge.builder("harbinger.cache.entries", cache, TieredCache::size).tag("tier", "caffeine").description("Answers cached in this node").register(registry);
        redis.ifPresent(r -> Gauge.builder("harbinger.cache.redis.up", r, t -> t.up() ? 1 : 0).tag("tier", "redis")
                .description("1 while the Redis tier is in use").register(registry));
        listener[0].start();
        return new ReadCache(new CachedFleetReads(delegate, cache), publisher, Optional.of(listener[0]), redis, Optional.of(cache));
    }

    /** The reads to serve: cached, or (cache off) the wrapped ones. */
    public FleetReads reads() {
        return reads;
    }

    /** Tells every node's cache that a loader committed rows about {@code keys} (sent asynchronously). */
    public void committed(Invalidation.Source source, Collection<ChangedKey> keys) {
        publisher.publish(source, keys);
    }

    /** Whether the cache answers from itself: enabled and reading the invalidations from their end. */
    public boolean ready() {
        return listener.map(InvalidationListener::ready).orElse(false);
    }

    /** Whether the Redis tier is in use now (false without one). */
    public boolean redisUp() {
        return redis.map(RedisTier::up).orElse(false);
    }

    /** Answers held in this node's Caffeine tier. */
    public long entries() {
        return cache.map(TieredCache::size).orElse(0L);
    }

    @Override
    public void close() {
        listener.ifPresent(InvalidationListener::close);
        cache.ifPresent(TieredCache::close);
        redis.ifPresent(RedisTier::close);
        publisher.close();
    }
}
