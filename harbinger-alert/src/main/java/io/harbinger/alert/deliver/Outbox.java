package io.harbinger.alert.deliver;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dispatcher's side of the outbox. A worker claims due rows with {@code FOR UPDATE SKIP LOCKED} (two
 * dispatchers never claim the same row) and leases them by moving {@code next_attempt_at} past the request's
 * timeout, so the HTTP call happens outside any transaction; a dispatcher killed mid-call leaves its rows due
 * again when the lease ends (at least once).
 */
final class Outbox {
    private final DataSource dataSource;

    Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Due(UUID id, String receiver, String payload, int attempts) {
    }

    List<Due> claim(String receiver, Instant now, Instant leaseUntil, int limit) throws SQLException {
        String sql = "UPDATE alerting.outbox o SET next_attempt_at = ? FROM (SELECT id, receiver FROM alerting.outbox "
                + "WHERE receiver = ? AND delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? "
                + "ORDER BY next_attempt_at, created_at LIMIT ? FOR UPDATE SKIP LOCKED) d "
                + "WHERE o.id = d.id AND o.receiver = d.receiver RETURNING o.id, o.payload, o.attempts, o.created_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(leaseUntil));
            ps.setString(2, receiver);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setInt(4, limit);
            record Row(Due due, Instant created) {
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(new Due(rs.getObject(1, UUID.class), receiver, rs.getString(2), rs.getInt(3)), rs.getTimestamp(4).toInstant()));
                }
            }
            rows.sort(java.util.Comparator.comparing(Row::created)); // RETURNING has no order
            return rows.stream().map(Row::due).toList();
        }
    }

    void delivered(Due d, Instant at) throws SQLException {
        update("UPDATE alerting.outbox SET attempts = attempts + 1, delivered_at = ?, last_error = NULL WHERE id = ? AND receiver = ?", d, at);
    }

    void retry(Due d, Instant next, String error) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE alerting.outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ? AND receiver = ?")) {
            ps.setTimestamp(1, Timestamp.from(next));
            ps.setString(2, error);
            ps.setObject(3, d.id());
            ps.setString(4, d.receiver());
            ps.executeUpdate();
        }
    }

    /** Not attempted (the breaker is open): due again at {@code next}, attempts unchanged. */
    void defer(Due d, Instant next) throws SQLException {
        update("UPDATE alerting.outbox SET next_attempt_at = ? WHERE id = ? AND receiver = ?", d, next);
    }

    void rejected(Due d, Instant at, String error) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE alerting.outbox SET attempts = attempts + 1, failed_at = ?, last_error = ? WHERE id = ? AND receiver = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, error);
            ps.setObject(3, d.id());
            ps.setString(4, d.receiver());
            ps.executeUpdate();
        }
    }

    private void update(String sql, Due d, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, d.id());
            ps.setString(3, d.receiver());
            ps.executeUpdate();
        }
    }
}
