package io.harbinger.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Opens the HikariCP pool every store component shares for one PostgreSQL instance. */
public final class PostgresPool {
    private PostgresPool() {
    }

    /**
     * A pool of at most {@code maxSize} connections to {@code jdbcUrl}. Connections are validated
     * on borrow by the driver's {@code isValid}; the pool fails fast at creation when the server
     * cannot be reached. Close it to release the connections.
     */
    public static HikariDataSource open(String jdbcUrl, String user, String password, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("pool maxSize must be >= 1, was " + maxSize);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(Math.min(2, maxSize));
        config.setPoolName("harbinger-store");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}
