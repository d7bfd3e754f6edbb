package io.harbinger.app;

import java.util.Optional;

/**
 * Which PostgreSQL holds the data: an external one ({@code --postgres}), or, when none is given, the
 * bundled server under the data directory.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db} of an external primary, or empty for the bundled one
 * @param password from the environment only ({@code HARBINGER_POSTGRES_PASSWORD}), never the command line
 */
public record StoreSettings(Optional<String> jdbcUrl, String user, String password) {
    public static final StoreSettings BUNDLED = new StoreSettings(Optional.empty(), "postgres", "");

    public StoreSettings {
        if (jdbcUrl == null) throw new IllegalArgumentException("jdbcUrl must be non-null (empty for the bundled PostgreSQL)");
        jdbcUrl = jdbcUrl.map(String::trim).filter(s -> !s.isEmpty());
        jdbcUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("--postgres must be a jdbc:postgresql://host:port/database URL, got '" + url + "'");
            }
        });
        if (user == null || user.isBlank()) throw new IllegalArgumentException("--postgres-user must be non-empty");
        if (password == null) throw new IllegalArgumentException("password must be non-null (empty for none)");
    }

    public boolean bundled() {
        return jdbcUrl.isEmpty();
    }
}
