package io.harbinger.cache;

import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * One cached answer: the read (method), what it is about ({@link Scope}, for invalidation), and its
 * other parameters in a normal form (so {@code asOf} given as {@code 2026-12-01T00:00Z} and as
 * {@code 2026-12-01T00:00:00.000Z} is one key).
 */
public record CacheKey(String method, Scope scope, String params) {
    public CacheKey {
        if (method == null || method.isEmpty() || method.indexOf(':') >= 0) throw new IllegalArgumentException("method must be non-empty without ':', got " + method);
        if (scope == null || params == null) throw new IllegalArgumentException("scope and params must be non-null");
    }

    /** {@code method} about {@code scope}, with {@code params} in order (instants as epoch nanoseconds, text URL-encoded). */
    public static CacheKey of(String method, Scope scope, Object... params) {
        StringJoiner joined = new StringJoiner(",");
        for (Object p : params) joined.add(normal(p));
        return new CacheKey(method, scope, joined.toString());
    }

    /** The Redis key under {@code namespace}: {@code <namespace>k:<method>:<scope>:<params>}. */
    public String redisKey(String namespace) {
        return namespace + "k:" + method + ":" + scope.text() + ":" + params;
    }

    /** The Redis set that lists the keys cached under {@code scope}. */
    public static String scopeSetKey(String namespace, Scope scope) {
        return namespace + "s:" + scope.text();
    }

    private static String normal(Object p) {
        return switch (p) {
            case null -> "-";
            case Instant i -> i.getEpochSecond() + "." + i.getNano();
            case String s -> Scope.enc(s);
            case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
            case java.util.Collection<?> c -> c.stream().map(CacheKey::normal).sorted().reduce((a, b) -> a + "+" + b).orElse("");
            case java.util.Optional<?> o -> o.map(CacheKey::normal).orElse("-");
            default -> Scope.enc(String.valueOf(p));
        };
    }
}
