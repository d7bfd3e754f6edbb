package io.harbinger.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which PostgreSQL holds the data: a shard map ({@code --shard-map}: regions spread over several
 * primaries with read replicas), one external primary ({@code --postgres}), or, when neither is
 * given, the bundled server under the data directory.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db} of an external primary, or empty
 * @param shardMap a shard-map properties file (docs/operations-sharding.md), or empty
 * @param password from the environment only ({@code HARBINGER_POSTGRES_PASSWORD}), never the command line
 */
public record StoreSettings(Optional<String> jdbcUrl, Optional<Path> shardMap, String user, String password) {
    public static final StoreSettings BUNDLED = new StoreSettings(Optional.empty(), Optional.empty(), "postgres", "");

    public StoreSettings {
        if (jdbcUrl == null || shardMap == null) throw new IllegalArgumentException("jdbcUrl and shardMap must be non-null (empty for none)");
        jdbcUrl = jdbcUrl.map(String::trim).filter(s -> !s.isEmpty());
        jdbcUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("--postgres must be a jdbc:postgresql://host:port/database URL, got '" + url + "'");
            }
        });
        if (jdbcUrl.isPresent() && shardMap.isPresent()) {
            throw new IllegalArgumentException("give either --postgres (one primary) or --shard-map (several), not both");
        }
        if (user == null || user.isBlank()) throw new IllegalArgumentException("--postgres-user must be non-empty");
        if (password == null) throw new IllegalArgumentException("password must be non-null (empty for none)");
    }

    public boolean bundled() {
        return jdbcUrl.isEmpty() && shardMap.isEmpty();
    }
}
