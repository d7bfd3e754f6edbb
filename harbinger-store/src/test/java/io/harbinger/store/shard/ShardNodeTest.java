package io.harbinger.store.shard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShardNodeTest {
    @Test
    void rotate_startsAtTheTurnModuloTheSize_andWraps() {
        List<String> replicas = List.of("r1", "r2", "r3");

        assertThat(ShardNode.rotate(replicas, 0)).containsExactly("r1", "r2", "r3");
        assertThat(ShardNode.rotate(replicas, 1)).containsExactly("r2", "r3", "r1");
        assertThat(ShardNode.rotate(replicas, 5)).containsExactly("r3", "r1", "r2");
        assertThat(ShardNode.rotate(replicas, -1)).as("after int overflow").containsExactly("r3", "r1", "r2");
        assertThat(ShardNode.rotate(List.<String>of(), 7)).isEmpty();
    }

    @Test
    void successiveTurns_spreadFirstChoicesEvenly() {
        List<String> replicas = List.of("r1", "r2");
        List<String> first = java.util.stream.IntStream.range(0, 6).mapToObj(t -> ShardNode.rotate(replicas, t).getFirst()).toList();

        assertThat(first).containsExactly("r1", "r2", "r1", "r2", "r1", "r2");
    }
}
