package io.harbinger.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The shared tier: one Redis, one Lettuce connection per node. Each value is stored under its key with
 * the TTL, and its key added to its scope's set ({@code <ns>s:<scope>}), so that any node can evict what
 * every node cached under a scope ({@link #evict}), in one script call.
 *
 * <p>Failure: a command that fails or outlasts {@code --redis-timeout} marks Redis down. While down,
 * nothing is sent (reads go on from Caffeine and PostgreSQL without paying a timeout each), and a probe
 * runs every {@code --redis-retry}; when it answers, the namespace is flushed before Redis is used again,
 * since the invalidations sent while it was down were lost (its values may be stale). Commands are
 * rejected at once while the connection is down (not queued), so a dead Redis costs no timeout either.
 */
final class RedisTier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisTier.class);
    /** SET value PX ttl; SADD scope-set key; PEXPIRE scope-set ttl (the set lives as long as its newest member). */
    private static final String PUT = "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) "
            + "redis.call('SADD', KEYS[2], KEYS[1]) redis.call('PEXPIRE', KEYS[2], ARGV[2]) return 1";
    /** For each scope set: delete its members and itself; the number of values deleted. */
    private static final String EVICT = "local n = 0 for _, s in ipairs(KEYS) do "
            + "local ks = redis.call('SMEMBERS', s) for _, k in ipairs(ks) do n = n + redis.call('DEL', k) end "
            + "redis.call('DEL', s) end return n";
    private static final int EVICT_CHUNK = 256;

    private final RedisClient client;
    private final ClientResources resources;
    private final String namespace;
    private final Duration timeout;
    private final Duration retry;
    private final long ttlMillis;
    private final CacheMetrics metrics;
    private final ScheduledExecutorService probe;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean up;
    private volatile boolean closed;

    private RedisTier(String url, String namespace, Duration timeout, Duration retry, Duration ttl, CacheMetrics metrics) {
        this.resources = ClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1)
                .reconnectDelay(Delay.constant(retry)).build();
        this.client = RedisClient.create(resources, RedisURI.create(url));
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout)).build());
        this.namespace = namespace;
        this.timeout = timeout;
        this.retry = retry;
        this.ttlMillis = ttl.toMillis();
        this.metrics = metrics;
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "harbinger-cache-redis-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects (or, when Redis does not answer, starts down and keeps probing). */
    static RedisTier start(String url, String namespace, Duration timeout, Duration retry, Duration ttl, CacheMetrics metrics) {
        RedisTier tier = new RedisTier(url, namespace, timeout, retry, ttl, metrics);
        tier.probe.scheduleWithFixedDelay(tier::probeIfDown, 0, retry.toMillis(), TimeUnit.MILLISECONDS);
        return tier;
    }

    /** Whether Redis is in use now (false while it is known down, and until the first probe connected and flushed). */
    boolean up() {
        return up;
    }

    /** The stored text under {@code key}; empty when absent, or when Redis is down or fails now (counted). */
    Optional<String> get(String key) {
        if (!up) return Optional.empty();
        try {
            return Optional.ofNullable(await(commands().get(key)));
        } catch (RedisDown e) {
            return Optional.empty();
        }
    }

    /** Stores {@code text} under {@code key}, listed in {@code scopeSet}; sent without waiting for the reply. */
    void put(String key, String scopeSet, String text) {
        if (!up) return;
        try {
            watch(commands().eval(PUT, ScriptOutputType.INTEGER, new String[] {key, scopeSet}, text, Long.toString(ttlMillis)));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** Evicts every value cached under each of {@code scopeSets}; sent without waiting (a failure marks Redis down, to be flushed). */
    void evict(Collection<String> scopeSets) {
        if (!up || scopeSets.isEmpty()) return;
        List<String> all = List.copyOf(scopeSets);
        try {
            for (int i = 0; i < all.size(); i += EVICT_CHUNK) {
                String[] keys = all.subList(i, Math.min(all.size(), i + EVICT_CHUNK)).toArray(String[]::new);
                CompletionStage<Long> deleted = commands().<Long>eval(EVICT, ScriptOutputType.INTEGER, keys);
                watch(deleted.thenAccept(n -> metrics.redisEvictions.increment(n)));
            }
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private RedisAsyncCommands<String, String> commands() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) throw new IllegalStateException("not connected");
        return c.async();
    }

    private <T> T await(CompletionStage<T> reply) throws RedisDown {
        try {
            return reply.toCompletableFuture().get(timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(5), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            failed(e.getCause());
            throw new RedisDown();
        } catch (TimeoutException e) {
            failed(e);
            throw new RedisDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisDown();
        }
    }

    private void watch(CompletionStage<?> reply) {
        reply.whenComplete((ok, error) -> {
            if (error != null) failed(error);
        });
    }

    /** A command failed: count it, and stop using Redis until a probe succeeds (and flushed). */
    private void failed(Throwable error) {
        metrics.redisErrors.increment();
        if (up && !closed) LOG.warn("Redis failed ({}); reads go on without it, probing every {}", error.toString(), retry);
        up = false;
    }

    private void probeIfDown() {
        if (up || closed) return;
        try {
            if (connection == null) connection = client.connect();
            RedisAsyncCommands<String, String> redis = connection.async();
            redis.ping().toCompletableFuture().get(timeout.toMillis() * 4, TimeUnit.MILLISECONDS);
            long flushed = flush(redis);
            metrics.redisFlushes.increment();
            up = true;
            LOG.info("Redis answers; flushed {} keys of {} (invalidations may have been missed) and using it again", flushed, namespace);
        } catch (Exception e) {
            LOG.debug("Redis probe failed: {}", e.toString());
        }
    }

    /** Deletes every key of the namespace. */
    private long flush(RedisAsyncCommands<String, String> redis) throws Exception {
        ScanArgs match = ScanArgs.Builder.matches(namespace + "*").limit(1_000);
        long deleted = 0;
        KeyScanCursor<String> cursor = redis.scan(match).toCompletableFuture().get(10, TimeUnit.SECONDS);
        while (true) {
            if (!cursor.getKeys().isEmpty()) deleted += redis.unlink(cursor.getKeys().toArray(String[]::new)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (cursor.isFinished()) return deleted;
            cursor = redis.scan(ScanCursor.of(cursor.getCursor()), match).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        up = false;
        probe.shutdownNow();
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) c.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** Redis did not answer this time (already counted and marked down). */
    private static final class RedisDown extends Exception {
        RedisDown() {
            super(null, null, false, false);
        }
    }
}
