package io.harbinger.store.shard;

import io.harbinger.store.shard.ReplicaHealth.Probe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Measures every replica: the primary's {@code pg_current_wal_lsn()} first, then on the replica
 * {@code pg_is_in_recovery()} and {@code pg_wal_lsn_diff(<primary lsn>, pg_last_wal_replay_lsn())}.
 * Each probe uses a connection of its own (not the pools), with the map's connect timeout, so that
 * a dead server costs a check at most that long and never holds a pool's connection. Replicas are
 * measured one after the other; a check of a shard with many unreachable (not refusing) replicas
 * takes up to that many timeouts.
 */
final class ReplicaChecker {
    private static final String REPLICA_QUERY =
            "SELECT pg_is_in_recovery(), pg_wal_lsn_diff(?::pg_lsn, pg_last_wal_replay_lsn())::bigint";

    private final List<ShardNode> nodes;
    private final ShardMap.ReplicaPolicy policy;
    private final Clock clock;

    ReplicaChecker(List<ShardNode> nodes, ShardMap.ReplicaPolicy policy, Clock clock) {
        this.nodes = List.copyOf(nodes);
        this.policy = policy;
        this.clock = clock;
    }

    synchronized void checkAll() {
        for (ShardNode node : nodes) {
            if (node.replicas.isEmpty()) continue;
            PrimaryPosition primary = primaryLsn(node);
            for (Replica replica : node.replicas) {
                Probe probe = probe(replica, node.spec.credentials(), primary);
                replica.update(ReplicaHealth.judge(node.spec.name(), ShardMap.redact(replica.url), probe,
                        policy.maxLagBytes(), clock.instant()));
            }
        }
    }

    /** The primary's current WAL position, or why it could not be read. */
    private record PrimaryPosition(Optional<String> lsn, String failure) {
    }

    private PrimaryPosition primaryLsn(ShardNode node) {
        try (Connection c = connect(node.spec.primaryUrl(), node.spec.credentials());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return new PrimaryPosition(Optional.of(rs.getString(1)), "");
        } catch (SQLException e) {
            return new PrimaryPosition(Optional.empty(), e.getMessage());
        }
    }

    private Probe probe(Replica replica, ShardMap.Credentials credentials, PrimaryPosition primary) {
        try (Connection c = connect(replica.url, credentials);
             PreparedStatement s = c.prepareStatement(REPLICA_QUERY)) {
            if (primary.lsn().isPresent()) {
                s.setString(1, primary.lsn().get());
            } else {
                s.setNull(1, Types.VARCHAR);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) return new Probe.NotInRecovery();
                long behind = rs.getLong(2);
                return rs.wasNull() ? new Probe.PrimaryUnknown(primary.failure()) : new Probe.Behind(behind);
            }
        } catch (SQLException e) {
            return new Probe.Unreachable(e.getMessage());
        }
    }

    private Connection connect(String url, ShardMap.Credentials credentials) throws SQLException {
        int seconds = (int) Math.max(1, (policy.connectTimeout().toMillis() + 999) / 1000);
        Properties properties = new Properties();
        properties.setProperty("user", credentials.user());
        properties.setProperty("password", credentials.password());
        properties.setProperty("connectTimeout", Integer.toString(seconds));
        properties.setProperty("loginTimeout", Integer.toString(seconds));
        properties.setProperty("socketTimeout", Integer.toString(seconds * 2));
        properties.setProperty("ApplicationName", "harbinger-replica-check");
        return DriverManager.getConnection(url, properties);
    }
}
