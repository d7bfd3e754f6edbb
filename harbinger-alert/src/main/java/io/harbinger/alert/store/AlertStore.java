package io.harbinger.alert.store;

import io.harbinger.alert.notify.Decision;
import io.harbinger.alert.notify.Notice;
import io.harbinger.alert.rule.Episode;
import io.harbinger.schema.alert.AlertState;
import io.harbinger.schema.alert.Silence;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The engine's side of the alerting tables: its open episodes, where it is in the topic, and the
 * transactions that change alerts, enqueue notifications and advance the offsets together.
 */
public final class AlertStore {
    static final String EPISODE_COLUMNS = "id, fingerprint, labels, annotations, state, active_at, fired_at, resolved_at, last_match_at, "
            + "last_sample_at, matches, last_probability";
    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Another consumer advanced an offset this one was about to: its view of the position is stale. */
    public static final class Fenced extends Exception {
        Fenced(String message) {
            super(message);
        }
    }

    /** What the notification decision needs to know of a stored alert. */
    public record Notified(Decision.Notified notified, Optional<Instant> at, boolean acknowledged) {
    }

    /** One transaction's work. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException, Fenced;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException, Fenced {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(new Tx(c));
                c.commit();
                return result;
            } catch (SQLException | Fenced | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Every open (pending or firing) episode. */
    public List<Episode> openEpisodes() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + EPISODE_COLUMNS + " FROM alerting.alerts WHERE state <> 'resolved'");
             ResultSet rs = ps.executeQuery()) {
            List<Episode> out = new ArrayList<>();
            while (rs.next()) out.add(episode(rs));
            return out;
        }
    }

    /** The stored next offset of each partition of {@code topic} for {@code group}. */
    public Map<Integer, Long> offsets(String group, String topic) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT partition, next_offset FROM alerting.consumer_offsets WHERE consumer_group = ? AND topic = ?")) {
            ps.setString(1, group);
            ps.setString(2, topic);
            Map<Integer, Long> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getInt(1), rs.getLong(2));
            }
            return out;
        }
    }

    static Episode episode(ResultSet rs) throws SQLException {
        return new Episode(rs.getObject(1, UUID.class), rs.getString(2), Json.map(rs.getString(3)), Json.map(rs.getString(4)),
                AlertState.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), instant(rs, 6), optionalInstant(rs, 7), optionalInstant(rs, 8),
                instant(rs, 9), instant(rs, 10), rs.getInt(11), rs.getDouble(12));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    /** The operations of one transaction, on its connection. */
    public static final class Tx {
        private final Connection c;

        Tx(Connection c) {
            this.c = c;
        }

        /** Inserts or updates the episodes (the notification columns are left as they are). */
        public void save(List<Episode> episodes) throws SQLException {
            String sql = "INSERT INTO alerting.alerts (id, fingerprint, rule, state, region, host, drive, labels, annotations, active_at, fired_at, "
                    + "resolved_at, last_match_at, last_sample_at, matches, last_probability) VALUES (?,?,?,?,?,?,?,?::jsonb,?::jsonb,?,?,?,?,?,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET state = excluded.state, annotations = excluded.annotations, fired_at = excluded.fired_at, "
                    + "resolved_at = excluded.resolved_at, last_match_at = excluded.last_match_at, last_sample_at = excluded.last_sample_at, "
                    + "matches = excluded.matches, last_probability = excluded.last_probability, updated_at = now()";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Episode e : episodes) {
                    ps.setObject(1, e.id());
                    ps.setString(2, e.fingerprint());
                    ps.setString(3, e.labels().getOrDefault("rule", ""));
                    ps.setString(4, e.state().label());
                    ps.setString(5, e.region());
                    ps.setString(6, e.host());
                    ps.setString(7, e.drive());
                    ps.setString(8, Json.of(e.labels()));
                    ps.setString(9, Json.of(e.annotations()));
                    ps.setTimestamp(10, ts(e.activeAt()));
                    ps.setTimestamp(11, e.firedAt().map(AlertStore::ts).orElse(null));
                    ps.setTimestamp(12, e.resolvedAt().map(AlertStore::ts).orElse(null));
                    ps.setTimestamp(13, ts(e.lastMatchAt()));
                    ps.setTimestamp(14, ts(e.lastSampleAt()));
                    ps.setInt(15, e.matches());
                    ps.setDouble(16, e.lastProbability());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        /** What receivers were told of each of {@code ids}, and whether it is acknowledged (rows locked until commit). */
        public Map<UUID, Notified> notified(List<UUID> ids) throws SQLException {
            Map<UUID, Notified> out = new HashMap<>();
            if (ids.isEmpty()) return out;
            String sql = "SELECT a.id, a.notified, a.notified_at, k.alert_id IS NOT NULL FROM alerting.alerts a "
                    + "LEFT JOIN alerting.acknowledgements k ON k.alert_id = a.id WHERE a.id = ANY (?) FOR UPDATE OF a";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Array array = c.createArrayOf("uuid", ids.toArray());
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getObject(1, UUID.class), new Notified(Decision.Notified.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                                optionalInstant(rs, 3), rs.getBoolean(4)));
                    }
                }
            }
            return out;
        }

        /** Firing episodes receivers may have to hear of: not told they fire, or last told before {@code repeatBefore}. */
        public List<Episode> firingToReview(Instant repeatBefore) throws SQLException {
            String sql = "SELECT " + EPISODE_COLUMNS + " FROM alerting.alerts WHERE state = 'firing' AND (notified <> 'firing' OR notified_at <= ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, ts(repeatBefore));
                List<Episode> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(episode(rs));
                }
                return out;
            }
        }

        /** The silences not yet ended at {@code now}. */
        public List<Silence> liveSilences(Instant now) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(AlertBookRows.SILENCE_SELECT + " WHERE ends_at > ?")) {
                ps.setTimestamp(1, ts(now));
                return AlertBookRows.silences(ps);
            }
        }

        /** Records that receivers were told {@code status} of {@code ids} at {@code at} (wall clock). */
        public void markNotified(List<UUID> ids, Notice.Status status, Instant at) throws SQLException {
            if (ids.isEmpty()) return;
            try (PreparedStatement ps = c.prepareStatement("UPDATE alerting.alerts SET notified = ?, notified_at = ? WHERE id = ANY (?)")) {
                ps.setString(1, status.label());
                ps.setTimestamp(2, ts(at));
                ps.setArray(3, c.createArrayOf("uuid", ids.toArray()));
                ps.executeUpdate();
            }
        }

        /** One outbox row: a notification's body for one receiver, due at once. */
        public record Outgoing(UUID id, String receiver, String groupKey, String payload) {
        }

        public void enqueue(List<Outgoing> rows, Instant now) throws SQLException {
            if (rows.isEmpty()) return;
            String sql = "INSERT INTO alerting.outbox (id, receiver, group_key, payload, created_at, next_attempt_at) VALUES (?,?,?,?,?,?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Outgoing o : rows) {
                    ps.setObject(1, o.id());
                    ps.setString(2, o.receiver());
                    ps.setString(3, o.groupKey());
                    ps.setString(4, o.payload());
                    ps.setTimestamp(5, ts(now));
                    ps.setTimestamp(6, ts(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        /**
         * Moves each partition's offset from {@code expected} (absent: none stored) to {@code next}, compare-and-set.
         *
         * @throws Fenced when a stored offset is not the expected one (another consumer moved it)
         */
        public void advance(String group, String topic, Map<Integer, Long> next, Map<Integer, Long> expected) throws SQLException, Fenced {
            for (Map.Entry<Integer, Long> e : next.entrySet()) {
                Long was = expected.get(e.getKey());
                int changed;
                if (was == null) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerting.consumer_offsets (consumer_group, topic, partition, next_offset) "
                            + "VALUES (?,?,?,?) ON CONFLICT DO NOTHING")) {
                        ps.setString(1, group);
                        ps.setString(2, topic);
                        ps.setInt(3, e.getKey());
                        ps.setLong(4, e.getValue());
                        changed = ps.executeUpdate();
                    }
                } else {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE alerting.consumer_offsets SET next_offset = ?, updated_at = now() "
                            + "WHERE consumer_group = ? AND topic = ? AND partition = ? AND next_offset = ?")) {
                        ps.setLong(1, e.getValue());
                        ps.setString(2, group);
                        ps.setString(3, topic);
                        ps.setInt(4, e.getKey());
                        ps.setLong(5, was);
                        changed = ps.executeUpdate();
                    }
                }
                if (changed != 1) throw new Fenced("the stored offset of " + topic + "-" + e.getKey() + " is no longer " + was);
            }
        }
    }
}
