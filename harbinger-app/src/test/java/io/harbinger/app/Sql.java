package io.harbinger.app;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Counting rows in the real PostgreSQL a node writes to, waiting for the loader to catch up. */
final class Sql {
    private Sql() {
    }

    static long count(DataSource ds, String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return count(c, sql, args);
        }
    }

    static long count(String jdbcUrl, String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            return count(c, sql, args);
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    interface Count {
        long get() throws SQLException;
    }

    /** The count once it reached {@code atLeast}, or the last one after {@code timeout}. */
    static long await(Count count, long atLeast, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long n = count.get();
        while (n < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(200);
            n = count.get();
        }
        return n;
    }
}
