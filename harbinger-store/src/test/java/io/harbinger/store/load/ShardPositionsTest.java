package io.harbinger.store.load;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShardPositionsTest {
    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private static ShardPositions twoShards() {
        ShardPositions p = new ShardPositions();
        p.addShard("a");
        p.addShard("b");
        return p;
    }

    @Test
    void aShardWithNothingStored_takesEveryRecord() {
        assertThat(twoShards().takes("a", P0, 0)).isTrue();
    }

    @Test
    void seekTo_isTheSmallestStoredPosition_andEachShardTakesOnlyFromItsOwn() {
        ShardPositions p = twoShards();

        long seek = p.seekTo(P0, Map.of("a", Map.of(0, 40L), "b", Map.of(0, 25L)));

        assertThat(seek).isEqualTo(25);
        assertThat(p.takes("a", P0, 39)).as("a stored 40 already").isFalse();
        assertThat(p.takes("a", P0, 40)).isTrue();
        assertThat(p.takes("b", P0, 25)).isTrue();
        assertThat(p.takes("b", P0, 24)).isFalse();
    }

    @Test
    void seekTo_isTheBeginning_whenAnyShardHasNothingForThePartition() {
        ShardPositions p = twoShards();

        assertThat(p.seekTo(P1, Map.of("a", Map.of(1, 40L), "b", Map.of(0, 7L)))).isEqualTo(ShardPositions.BEGINNING);
        assertThat(p.takes("b", P1, 0)).isTrue();
        assertThat(p.takes("a", P1, 39)).isFalse();
    }

    @Test
    void seekTo_replacesWhatAShardHadBefore() {
        ShardPositions p = twoShards();
        p.advance("a", Map.of(P0, 90L));

        p.seekTo(P0, Map.of("a", Map.of(), "b", Map.of(0, 10L)));

        assertThat(p.takes("a", P0, 0)).as("a has nothing stored any more").isTrue();
    }

    @Test
    void advance_movesOneShardOnly() {
        ShardPositions p = twoShards();

        p.advance("a", Map.of(P0, 12L));

        assertThat(p.takes("a", P0, 11)).isFalse();
        assertThat(p.takes("b", P0, 11)).isTrue();
        assertThat(p.of("a")).containsEntry(P0, 12L);
    }

    @Test
    void forget_dropsThePartitionsOfEveryShard() {
        ShardPositions p = twoShards();
        p.advance("a", Map.of(P0, 12L, P1, 3L));
        p.advance("b", Map.of(P0, 5L));

        p.forget(List.of(P0));

        assertThat(p.of("a")).containsOnlyKeys(P1);
        assertThat(p.of("b")).isEmpty();
    }

    @Test
    void lag_countsFromTheSlowestShard_perPartition_neverBelowZero() {
        ShardPositions p = twoShards();
        p.advance("a", Map.of(P0, 100L, P1, 50L));
        p.advance("b", Map.of(P0, 80L, P1, 60L));

        assertThat(p.lag(Map.of(P0, 120L, P1, 40L))).isEqualTo(120 - 80 + 0);
    }

    @Test
    void lag_ofAPartitionNoShardStored_countsFromZero() {
        assertThat(twoShards().lag(Map.of(P0, 30L))).isEqualTo(30);
    }
}
