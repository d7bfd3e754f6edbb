package io.harbinger.auth.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The key store's tables: schema {@code auth} of the control database, evolved by the Flyway migrations in
 * {@code db/auth} with their own history table, apart from the store's and alerting's.
 */
public final class AuthSchema {
    public static final String SCHEMA = "auth";

    private AuthSchema() {
    }

    /** Applies what is not yet applied; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/auth")
                .failOnMissingLocations(true)
                .load()
                .migrate().migrationsExecuted;
    }
}
