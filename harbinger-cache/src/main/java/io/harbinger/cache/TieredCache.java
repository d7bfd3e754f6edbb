package io.harbinger.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.harbinger.schema.cache.Invalidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Caffeine, then Redis (when there is one), then the load: one answer per {@link CacheKey}, loaded once
 * however many ask at the same time (the first caller loads on its own thread, the others wait for its
 * future), and evicted by {@link #apply} when an invalidation reaches its scope.
 *
 * <p>An answer must never be cached from data older than the latest invalidation of its scope. Each
 * scope remembers when its last invalidation was applied here (ticker) and the latest commit instant it
 * named; an answer whose load began before the former is handed to its waiters but not kept (the
 * eviction may have run while it loaded), and a Redis value loaded (on whichever node) before the
 * latter is refused. Marks older than the TTL are dropped: an answer loaded before them has expired.
 *
 * <p>With refresh-ahead, an evicted answer is kept aside: a reader that finds no answer but that one gets
 * it at once, and starts (or finds running) one background load that replaces it. Readers never wait for
 * a reload then; an answer may be as old as one load started before the latest change.
 */
final class TieredCache {
    private static final Logger LOG = LoggerFactory.getLogger(TieredCache.class);
    private static final int PURGE_EVERY = 1_024;

    private final AsyncCache<CacheKey, Object> local;
    private final Optional<RedisTier> redis;
    private final String namespace;
    private final CacheMetrics metrics;
    private final Clock clock;
    private final LongSupplier ticker;
    private final long ttlNanos;
    private final ObjectMapper json = mapper();
    /** Per scope: ticker when its latest invalidation was applied here. */
    private final ConcurrentMap<Scope, Long> appliedAt = new ConcurrentHashMap<>();
    /** Per scope: the latest commit an invalidation of it named, epoch microseconds. */
    private final ConcurrentMap<Scope, Long> committedAt = new ConcurrentHashMap<>();
    /** Held to send a Redis write after checking the marks, and to send an eviction after setting them: Redis sees them in that order. */
    private final Object redisOrder = new Object();
    private final BooleanSupplier ready;
    private final boolean refreshAhead;
    /** Refresh-ahead: the answers evicted last, served while their reload runs. */
    private final com.github.benmanes.caffeine.cache.Cache<CacheKey, Object> previous;
    private final java.util.concurrent.ExecutorService refresher;
    private long applied;

    TieredCache(int maxEntries, Duration ttl, Optional<RedisTier> redis, String namespace, CacheMetrics metrics, Clock clock,
                LongSupplier ticker, BooleanSupplier ready) {
        this(maxEntries, ttl, redis, namespace, metrics, clock, ticker, ready, false);
    }

    TieredCache(int maxEntries, Duration ttl, Optional<RedisTier> redis, String namespace, CacheMetrics metrics, Clock clock,
                LongSupplier ticker, BooleanSupplier ready, boolean refreshAhead) {
        this.local = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).executor(Runnable::run)
                .ticker(ticker::getAsLong)
                .evictionListener((CacheKey key, Object value, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) metrics.caffeineSizeEvictions.increment();
                })
                .buildAsync();
        this.redis = redis;
        this.namespace = namespace;
        this.metrics = metrics;
        this.clock = clock;
        this.ticker = ticker;
        this.ttlNanos = ttl.toNanos();
        this.ready = ready;
        this.refreshAhead = refreshAhead;
        this.previous = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).ticker(ticker::getAsLong).executor(Runnable::run).build();
        this.refresher = refreshAhead ? java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "harbinger-cache-refresh");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    void close() {
        if (refresher != null) refresher.shutdownNow();
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule()).registerModule(CursorJson.MODULE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /**
     * The answer for {@code key}: cached, or loaded by {@code load} (its exceptions reach every caller
     * waiting for it, and nothing is cached).
     *
     * @param type what {@code load} returns, for the Redis tier's JSON
     */
    @SuppressWarnings("unchecked")
    <V> V get(CacheKey key, JavaType type, Supplier<V> load) {
        if (!ready.getAsBoolean()) {
            metrics.bypassed.increment();
            return load.get();
        }
        ConcurrentMap<CacheKey, CompletableFuture<Object>> map = local.asMap();
        CompletableFuture<Object> existing = map.get(key);
        if (refreshAhead && (existing == null || !existing.isDone())) {
            Object old = previous.getIfPresent(key);
            if (old != null) return (V) refreshBehind(key, type, load, existing, old);
        }
        if (existing == null) {
            CompletableFuture<Object> mine = new CompletableFuture<>();
            existing = map.putIfAbsent(key, mine);
            if (existing == null) return (V) loadInto(key, type, load, mine);
        }
        metrics.caffeineHits.increment();
        return (V) join(existing);
    }

    /** Refresh-ahead: {@code old} now, and one background load of {@code key} unless one runs. */
    private <V> Object refreshBehind(CacheKey key, JavaType type, Supplier<V> load, CompletableFuture<Object> running, Object old) {
        metrics.staleHits.increment();
        if (running == null) {
            CompletableFuture<Object> mine = new CompletableFuture<>();
            if (local.asMap().putIfAbsent(key, mine) == null) {
                try {
                    refresher.execute(() -> {
                        try {
                            loadInto(key, type, load, mine);
                        } catch (RuntimeException | Error e) {
                            LOG.debug("background reload of {} failed: {}", key, e.toString()); // the old answer stays; the next reader tries again
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    local.asMap().remove(key, mine); // closing
                }
            }
        }
        return old;
    }

    private <V> V loadInto(CacheKey key, JavaType type, Supplier<V> load, CompletableFuture<Object> mine) {
        metrics.caffeineMisses.increment();
        long start = ticker.getAsLong();
        try {
            V value = loadBelow(key, type, load, start);
            if (invalidatedSince(key.scope(), start)) {
                local.asMap().remove(key, mine);
                if (refreshAhead) previous.put(key, value); // newer than what was kept aside; the next reader reloads again
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            local.asMap().remove(key, mine);
            mine.complete(new Failed(e)); // not completeExceptionally: Caffeine would log every failed read with its stack
            throw e;
        }
    }

    /** What the waiters of a failed load get (the future is out of the cache by then). */
    private record Failed(Throwable error) {
    }

    private <V> V loadBelow(CacheKey key, JavaType type, Supplier<V> load, long start) {
        Instant startedAt = clock.instant();
        if (redis.isPresent() && redis.get().up()) {
            Optional<V> shared = fromRedis(redis.get(), key, type);
            if (shared.isPresent()) return shared.get();
        }
        long loadStart = ticker.getAsLong();
        V value = load.get();
        metrics.postgresLoad.record(ticker.getAsLong() - loadStart, TimeUnit.NANOSECONDS);
        redis.ifPresent(r -> toRedis(r, key, value, startedAt, start));
        return value;
    }

    private <V> Optional<V> fromRedis(RedisTier r, CacheKey key, JavaType type) {
        long t0 = ticker.getAsLong();
        Optional<String> text = r.get(key.redisKey(namespace));
        metrics.redisLoad.record(ticker.getAsLong() - t0, TimeUnit.NANOSECONDS);
        if (text.isPresent()) {
            Optional<Stored<V>> stored = decode(text.get(), type);
            if (stored.isPresent() && stored.get().loadedAtMicros() > committedAt.getOrDefault(key.scope(), Long.MIN_VALUE)) {
                metrics.redisHits.increment();
                return Optional.of(stored.get().value());
            }
            if (stored.isPresent()) metrics.redisRejectedStale.increment();
        }
        metrics.redisMisses.increment();
        return Optional.empty();
    }

    private void toRedis(RedisTier r, CacheKey key, Object value, Instant startedAt, long start) {
        String text;
        try {
            text = micros(startedAt) + " " + json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            LOG.warn("cannot store {} in Redis: {}", key, e.getMessage());
            return;
        }
        synchronized (redisOrder) {
            if (!invalidatedSince(key.scope(), start)) r.put(key.redisKey(namespace), CacheKey.scopeSetKey(namespace, key.scope()), text);
        }
    }

    private <V> Optional<Stored<V>> decode(String text, JavaType type) {
        int space = text.indexOf(' ');
        try {
            long loadedAt = Long.parseLong(text, 0, space, 10);
            return Optional.of(new Stored<>(loadedAt, json.readValue(text.substring(space + 1), type)));
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warn("ignored a Redis value that does not decode as {}: {}", type, e.getMessage());
            return Optional.empty();
        }
    }

    private record Stored<V>(long loadedAtMicros, V value) {
    }

    /** Evicts, here and in Redis, every answer whose scope {@code invalidation} reaches. */
    void apply(Invalidation invalidation) {
        Set<Scope> scopes = Scope.affectedBy(invalidation);
        long now = ticker.getAsLong();
        long committed = micros(invalidation.committedAt());
        for (Scope scope : scopes) {
            appliedAt.put(scope, now);
            committedAt.merge(scope, committed, Math::max);
        }
        int evicted = 0;
        ConcurrentMap<CacheKey, CompletableFuture<Object>> map = local.asMap();
        for (CacheKey key : map.keySet()) {
            if (!scopes.contains(key.scope())) continue;
            CompletableFuture<Object> gone = map.remove(key);
            if (gone == null) continue;
            evicted++;
            if (refreshAhead && gone.isDone() && !(gone.join() instanceof Failed)) previous.put(key, gone.join());
        }
        metrics.caffeineEvictions.increment(evicted);
        redis.ifPresent(r -> {
            List<String> sets = scopes.stream().map(s -> CacheKey.scopeSetKey(namespace, s)).toList();
            synchronized (redisOrder) {
                r.evict(sets);
            }
        });
        metrics.invalidations.increment();
        metrics.delay(clock.millis() - invalidation.committedAt().toEpochMilli());
        if (++applied % PURGE_EVERY == 0) purgeMarks(now);
    }

    /** Drops marks older than the TTL: whatever was loaded before them has expired. */
    private void purgeMarks(long now) {
        long cutoffMicros = micros(clock.instant()) - TimeUnit.NANOSECONDS.toMicros(ttlNanos);
        appliedAt.entrySet().removeIf(e -> now - e.getValue() > ttlNanos);
        committedAt.entrySet().removeIf(e -> e.getValue() < cutoffMicros);
    }

    private boolean invalidatedSince(Scope scope, long start) {
        Long at = appliedAt.get(scope);
        return at != null && at - start >= 0;
    }

    /** Answers held here now (loaded or loading). */
    long size() {
        return local.asMap().size();
    }

    Map<CacheKey, CompletableFuture<Object>> view() {
        return local.asMap();
    }

    private static Object join(CompletableFuture<Object> future) {
        Object value = future.join();
        if (value instanceof Failed(Throwable error)) {
            if (error instanceof RuntimeException r) throw r;
            if (error instanceof Error err) throw err;
            throw new IllegalStateException(error);
        }
        return value;
    }

    private static long micros(Instant t) {
        return TimeUnit.SECONDS.toMicros(t.getEpochSecond()) + t.getNano() / 1_000;
    }
}
