package io.harbinger.store.shard;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * What the last check (or a failed read) found out about one replica.
 *
 * @param replica  its URL, options left out
 * @param lagBytes bytes of WAL the primary had written that the replica had not replayed, when measured
 * @param detail   why it serves reads or not, for operators
 */
public record ReplicaStatus(String shard, String replica, Health health, OptionalLong lagBytes, String detail, Instant checkedAt) {
    public enum Health {
        /** Reachable, replaying, within the lag bound: serves reads. */
        HEALTHY,
        /** Reachable but further behind its primary than the bound. */
        LAGGING,
        /** Could not be connected to or queried. */
        UNREACHABLE,
        /** Answers but is not in recovery (promoted, or not a standby at all): it may diverge from the primary. */
        NOT_A_REPLICA,
        /** Not checked yet. */
        UNCHECKED
    }

    public boolean serving() {
        return health == Health.HEALTHY;
    }
}
