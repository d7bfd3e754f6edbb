package io.harbinger.alert.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Alerting's tables: schema {@code alerting} of the control database, evolved by the Flyway migrations
 * in {@code db/alerting} with their own history table, apart from the store's.
 */
public final class AlertSchema {
    public static final String SCHEMA = "alerting";

    private AlertSchema() {
    }

    /** Applies what is not yet applied; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/alerting")
                .failOnMissingLocations(true)
                .load()
                .migrate().migrationsExecuted;
    }
}
