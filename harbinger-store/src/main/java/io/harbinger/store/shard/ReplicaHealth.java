package io.harbinger.store.shard;

import io.harbinger.store.shard.ReplicaStatus.Health;

import java.time.Instant;
import java.util.OptionalLong;

/** The verdict on a replica from what a probe measured: pure, so every case is unit-tested. */
final class ReplicaHealth {
    private ReplicaHealth() {
    }

    /** What one probe of a replica found. */
    sealed interface Probe {
        /** Connecting or querying failed. */
        record Unreachable(String reason) implements Probe {
        }

        /** {@code pg_is_in_recovery()} is false. */
        record NotInRecovery() implements Probe {
        }

        /**
         * {@code pg_wal_lsn_diff(primary's pg_current_wal_lsn(), replica's pg_last_wal_replay_lsn())}; a
         * negative difference (the replica replayed more since the primary was asked) counts as 0.
         */
        record Behind(long bytes) implements Probe {
            public Behind {
                bytes = Math.max(0, bytes);
            }
        }

        /** The replica replays, but the primary could not be asked for its position. */
        record PrimaryUnknown(String reason) implements Probe {
        }
    }

    static ReplicaStatus judge(String shard, String replica, Probe probe, long maxLagBytes, Instant at) {
        return switch (probe) {
            case Probe.Unreachable u -> new ReplicaStatus(shard, replica, Health.UNREACHABLE, OptionalLong.empty(),
                    "unreachable: " + u.reason(), at);
            case Probe.NotInRecovery n -> new ReplicaStatus(shard, replica, Health.NOT_A_REPLICA, OptionalLong.empty(),
                    "not in recovery (promoted, or not a standby): serves no reads of this shard", at);
            case Probe.Behind b when b.bytes() > maxLagBytes -> new ReplicaStatus(shard, replica, Health.LAGGING,
                    OptionalLong.of(b.bytes()), b.bytes() + " bytes behind the primary, over the bound of " + maxLagBytes, at);
            case Probe.Behind b -> new ReplicaStatus(shard, replica, Health.HEALTHY, OptionalLong.of(b.bytes()),
                    b.bytes() + " bytes behind the primary, within " + maxLagBytes, at);
            case Probe.PrimaryUnknown p -> new ReplicaStatus(shard, replica, Health.HEALTHY, OptionalLong.empty(),
                    "lag unknown, primary unreachable (" + p.reason() + "): kept serving reads", at);
        };
    }
}
