package io.harbinger.store.shard;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The data source of a shard's reads: each {@link #getConnection()} comes from the next serving
 * replica in turn; when a replica cannot give a connection it is marked down (until the next check
 * finds it healthy) and the next one is tried, then the primary. A replica that fails after the
 * connection was handed out fails that query: the caller sees the error, the next check skips it.
 */
final class ReadRouter implements DataSource {
    private final ShardNode node;
    private final Clock clock;

    ReadRouter(ShardNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        for (Replica replica : node.servingInTurn()) {
            Optional<DataSource> pool = replica.servingPool();
            if (pool.isEmpty()) continue;
            try {
                return pool.get().getConnection();
            } catch (SQLException e) {
                replica.markDown(e.getMessage(), clock.instant());
            }
        }
        return node.primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the reader of shard " + node.spec.name() + " uses the shard map's credentials");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        throw new SQLFeatureNotSupportedException("log writer");
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("login timeout: set replica.connect-timeout-ms in the shard map");
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("the reader of shard " + node.spec.name() + " wraps no " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "reader of shard " + node.spec.name();
    }
}
