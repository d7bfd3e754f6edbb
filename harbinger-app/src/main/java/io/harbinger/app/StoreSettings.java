package io.harbinger.app;

import io.harbinger.core.config.Rule;
import io.harbinger.core.config.Setting;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.Settings;

import java.nio.file.Path;
import java.util.Optional;

import static io.harbinger.core.config.SettingType.TEXT;
import static io.harbinger.core.config.SettingType.optional;

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
    public static final Setting<Optional<String>> POSTGRES = Setting.of("postgres", optional(TEXT), Optional.<String>empty())
            .must(Rule.whenGiven(Rule.of("a jdbc:postgresql://host:port/database URL", (String url) -> url.startsWith("jdbc:postgresql://"))))
            .env("HARBINGER_POSTGRES")
            .description("External PostgreSQL primary jdbc:postgresql://host:port/db; none = run the bundled PostgreSQL under --data-dir. "
                    + "Password from HARBINGER_POSTGRES_PASSWORD.");
    public static final Setting<Optional<Path>> SHARD_MAP = Setting.of("shard-map", SettingTypes.OPTIONAL_PATH, Optional.<Path>empty())
            .env("HARBINGER_SHARD_MAP")
            .description("Shard map file: regions spread over several PostgreSQL primaries with read replicas (docs/operations-sharding.md).");
    public static final Setting<String> USER = Setting.of("postgres-user", TEXT, "postgres").must(Rule.nonBlank())
            .env("HARBINGER_POSTGRES_USER").description("PostgreSQL user.");

    public static final SettingSet SETTINGS = SettingSet.of(POSTGRES, SHARD_MAP, USER)
            .check(s -> oneSource(s.get(POSTGRES), s.get(SHARD_MAP)));

    public StoreSettings {
        if (jdbcUrl == null || shardMap == null) throw new IllegalArgumentException("jdbcUrl and shardMap must be non-null (empty for none)");
        jdbcUrl = jdbcUrl.map(String::trim).filter(s -> !s.isEmpty());
        POSTGRES.require(jdbcUrl);
        oneSource(jdbcUrl, shardMap).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        USER.require(user);
        if (password == null) throw new IllegalArgumentException("password must be non-null (empty for none)");
    }

    /** The store of {@code settings} (which must declare {@link #SETTINGS}). */
    public static StoreSettings from(Settings settings, String password) {
        return new StoreSettings(settings.get(POSTGRES), settings.get(SHARD_MAP), settings.get(USER), password);
    }

    public boolean bundled() {
        return jdbcUrl.isEmpty() && shardMap.isEmpty();
    }

    private static Optional<String> oneSource(Optional<String> jdbcUrl, Optional<Path> shardMap) {
        return jdbcUrl.isPresent() && shardMap.isPresent()
                ? Optional.of("give either --postgres (one primary) or --shard-map (several), not both") : Optional.empty();
    }
}
