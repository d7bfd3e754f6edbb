package io.harbinger.store.shard;

import io.harbinger.store.shard.ReplicaHealth.Probe;
import io.harbinger.store.shard.ReplicaStatus.Health;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaHealthTest {
    private static final Instant AT = Instant.parse("2026-11-28T01:00:00Z");
    private static final long BOUND = 1_000;

    @Test
    void aReplicaWithinTheBound_servesReads() {
        ReplicaStatus status = judge(new Probe.Behind(BOUND));

        assertThat(status.health()).isEqualTo(Health.HEALTHY);
        assertThat(status.serving()).isTrue();
        assertThat(status.lagBytes()).isEqualTo(OptionalLong.of(BOUND));
        assertThat(status.checkedAt()).isEqualTo(AT);
    }

    @Test
    void aReplicaOneByteOverTheBound_isLagging() {
        ReplicaStatus status = judge(new Probe.Behind(BOUND + 1));

        assertThat(status.health()).isEqualTo(Health.LAGGING);
        assertThat(status.serving()).isFalse();
        assertThat(status.detail()).isEqualTo("1001 bytes behind the primary, over the bound of 1000");
    }

    @Test
    void aReplicaAheadOfTheSampledPrimaryPosition_countsAsZeroBehind() {
        assertThat(judge(new Probe.Behind(-4_096)).lagBytes()).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void anUnreachableReplica_servesNoReads_andSaysWhy() {
        ReplicaStatus status = judge(new Probe.Unreachable("Connection refused"));

        assertThat(status.health()).isEqualTo(Health.UNREACHABLE);
        assertThat(status.serving()).isFalse();
        assertThat(status.detail()).isEqualTo("unreachable: Connection refused");
    }

    @Test
    void aPromotedReplica_servesNoReads() {
        assertThat(judge(new Probe.NotInRecovery()).health()).isEqualTo(Health.NOT_A_REPLICA);
    }

    @Test
    void whenThePrimaryCannotBeAsked_aReplayingReplicaKeepsServing_withUnknownLag() {
        ReplicaStatus status = judge(new Probe.PrimaryUnknown("timeout"));

        assertThat(status.serving()).isTrue();
        assertThat(status.lagBytes()).isEmpty();
        assertThat(status.detail()).contains("lag unknown", "timeout");
    }

    private static ReplicaStatus judge(Probe probe) {
        return ReplicaHealth.judge("eu", "jdbc:postgresql://r1/db", probe, BOUND, AT);
    }
}
