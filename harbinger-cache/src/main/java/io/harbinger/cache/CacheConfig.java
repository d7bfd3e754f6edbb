package io.harbinger.cache;

import io.harbinger.core.config.Rule;
import io.harbinger.core.config.Setting;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.Settings;
import io.harbinger.schema.topic.Topics;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.harbinger.core.config.SettingType.DURATION;
import static io.harbinger.core.config.SettingType.INTEGER;
import static io.harbinger.core.config.SettingType.TEXT;
import static io.harbinger.core.config.SettingType.choice;
import static io.harbinger.core.config.SettingType.optional;

/**
 * Settings of the read cache ({@link ReadCache}), declared once ({@link #SETTINGS}, the {@code --read-cache*}
 * and {@code --redis*} options), validated at construction with a message naming the setting.
 *
 * @param enabled          whether reads are cached at all ({@code --read-cache off}: every read goes to PostgreSQL)
 * @param redis            the shared tier's {@code redis://host:port[/db]} URL; empty: Caffeine alone
 * @param maxEntries       Caffeine's bound, in answers
 * @param ttl              the safety net: an answer is dropped this long after it was loaded even when no
 *                         invalidation came (a lost invalidation record, a node that fell behind the topic)
 * @param redisTimeout     how long a Redis command may take before Redis counts as down
 * @param redisRetry       while Redis is down, how often it is probed
 * @param refreshAhead     an evicted answer is still served while one background load replaces it (readers never
 *                         wait for a reload; an answer may then be one load time older than the strict bound)
 * @param bootstrapServers Kafka, for the invalidations topic
 * @param topics           the topic names; the prefix also namespaces the Redis keys
 * @param clientProps      extra Kafka client settings (tests)
 */
public record CacheConfig(boolean enabled, Optional<String> redis, int maxEntries, Duration ttl, Duration redisTimeout, Duration redisRetry,
                          boolean refreshAhead, String bootstrapServers, Topics topics, Map<String, Object> clientProps) {
    /** {@code --read-cache on|off}. */
    public enum Mode { ON, OFF }

    public static final Setting<Mode> READ_CACHE = Setting.of("read-cache", choice(Mode.class), Mode.ON).env("HARBINGER_READ_CACHE")
            .description("Cache the fleet reads (Caffeine in this node, and Redis when --redis is given), evicted by the prediction stream; off: every read asks PostgreSQL.");
    public static final Setting<Optional<String>> REDIS = Setting.of("redis", optional(TEXT), Optional.<String>empty())
            .must(Rule.whenGiven(Rule.of("a redis://host:port URL", (String url) -> url.startsWith("redis://") || url.startsWith("rediss://"))))
            .env("HARBINGER_REDIS").description("Redis shared by every API node as the second cache tier, e.g. redis://127.0.0.1:6379; none = Caffeine alone.");
    public static final Setting<Integer> SIZE = Setting.of("read-cache-size", INTEGER, 10_000).must(Rule.atLeast(1))
            .env("HARBINGER_READ_CACHE_SIZE").description("Answers the node's Caffeine tier holds at most.");
    public static final Setting<Duration> TTL = Setting.of("read-cache-ttl", DURATION, Duration.ofMinutes(10)).must(Rule.atLeast(Duration.ofSeconds(1)))
            .env("HARBINGER_READ_CACHE_TTL")
            .description("Safety net only: a cached answer is dropped this long after it was loaded even if no invalidation came (answers are evicted by the prediction stream).");
    public static final Setting<Duration> REDIS_TIMEOUT = Setting.of("redis-timeout", DURATION, Duration.ofMillis(50))
            .must(Rule.between(Duration.ofMillis(1), Duration.ofSeconds(10)))
            .env("HARBINGER_REDIS_TIMEOUT").description("A Redis command slower than this counts as Redis down: reads skip Redis until a probe succeeds.");
    public static final Setting<Duration> REDIS_RETRY = Setting.of("redis-retry", DURATION, Duration.ofSeconds(1)).must(Rule.atLeast(Duration.ofMillis(10)))
            .env("HARBINGER_REDIS_RETRY").description("While Redis is down, how often it is probed (on success its keys are flushed, then it is used again).");

    public static final Setting<Mode> REFRESH_AHEAD = Setting.of("read-cache-refresh-ahead", choice(Mode.class), Mode.OFF)
            .env("HARBINGER_READ_CACHE_REFRESH_AHEAD")
            .description("on: an answer evicted by a new prediction is still served while one background load replaces it (no reader waits for a reload; "
                    + "answers may be one load time staler); off: evicted answers are reloaded by the next reader.");

    public static final SettingSet SETTINGS = SettingSet.of(READ_CACHE, REDIS, SIZE, TTL, REDIS_TIMEOUT, REDIS_RETRY, REFRESH_AHEAD);

    public CacheConfig {
        if (redis == null) throw new IllegalArgumentException("redis must be non-null (empty for none)");
        REDIS.require(redis);
        SIZE.require(maxEntries);
        TTL.require(ttl);
        REDIS_TIMEOUT.require(redisTimeout);
        REDIS_RETRY.require(redisRetry);
        if (bootstrapServers == null || bootstrapServers.isBlank()) throw new IllegalArgumentException("bootstrapServers must be non-empty, e.g. 127.0.0.1:9092");
        if (topics == null) throw new IllegalArgumentException("topics must be non-null");
        clientProps = Map.copyOf(clientProps == null ? Map.of() : clientProps);
    }

    /** The cache of {@code settings} (which must declare {@link #SETTINGS}). */
    public static CacheConfig from(Settings settings, String bootstrapServers, Topics topics) {
        return new CacheConfig(settings.get(READ_CACHE) == Mode.ON, settings.get(REDIS), settings.get(SIZE), settings.get(TTL),
                settings.get(REDIS_TIMEOUT), settings.get(REDIS_RETRY), settings.get(REFRESH_AHEAD) == Mode.ON, bootstrapServers, topics, Map.of());
    }

    /** Every setting at its default: on, Caffeine alone. */
    public static CacheConfig defaults(String bootstrapServers, Topics topics) {
        return from(Settings.defaults(SETTINGS), bootstrapServers, topics);
    }

    /** This config with the shared tier at {@code url}. */
    public CacheConfig withRedis(String url) {
        return new CacheConfig(enabled, Optional.of(url), maxEntries, ttl, redisTimeout, redisRetry, refreshAhead, bootstrapServers, topics, clientProps);
    }

    /** This config with caching off and no Redis: a node that reads nothing through the cache but publishes its loaders' commits. */
    public CacheConfig publishingOnly() {
        return new CacheConfig(false, Optional.empty(), maxEntries, ttl, redisTimeout, redisRetry, refreshAhead, bootstrapServers, topics, clientProps);
    }

    /** The prefix of every Redis key of this deployment: {@code harbinger:v1:<topic prefix>:}. */
    public String redisNamespace() {
        return "harbinger:v1:" + topics.prefix() + ":";
    }
}
