package io.harbinger.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * The store's tables, created and evolved by the Flyway migrations in
 * {@code src/main/resources/db/migration}. Run at start-up against every PostgreSQL the node writes
 * to; a database already at the latest version is left as it is.
 */
public final class Schema {
    static final String LOCATION = "classpath:db/migration";

    private Schema() {
    }

    /** What one {@link #migrate} did. */
    public record Migrated(int applied, String version) {
    }

    /**
     * Applies the migrations not yet applied to the connection's current schema, in order, each in
     * its own transaction. Fails (Flyway's exception) when an applied migration was changed since.
     */
    public static Migrated migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return new Migrated(result.migrationsExecuted, result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion);
    }
}
