package io.harbinger.store.load;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each shard is in each partition: the next offset stored in that shard's {@code loader_offsets}.
 * A shard takes a record only from its own stored offset on, so a shard that is ahead skips what it has;
 * a partition is read from the smallest position over the shards (from the beginning when one has none).
 * Pure bookkeeping, confined to the loader's thread.
 */
final class ShardPositions {
    /** What {@link #seekTo} answers when some shard has nothing stored for the partition. */
    static final long BEGINNING = -1;

    private final Map<String, Map<TopicPartition, Long>> stored = new LinkedHashMap<>();

    void addShard(String shard) {
        stored.putIfAbsent(shard, new HashMap<>());
    }

    /** The shard's stored positions (the writer compares and sets them in its transaction). */
    Map<TopicPartition, Long> of(String shard) {
        return stored.get(shard);
    }

    /** Whether {@code shard} has not stored the record at {@code offset} of {@code tp} yet. */
    boolean takes(String shard, TopicPartition tp, long offset) {
        Long next = stored.get(shard).get(tp);
        return next == null || offset >= next;
    }

    /**
     * Takes what each shard stored for {@code tp} ({@code byShard}: shard -> partition -> next offset)
     * and answers where to read it from: the smallest, or {@link #BEGINNING}.
     */
    long seekTo(TopicPartition tp, Map<String, Map<Integer, Long>> byShard) {
        long min = Long.MAX_VALUE;
        for (Map.Entry<String, Map<Integer, Long>> shard : byShard.entrySet()) {
            Long next = shard.getValue().get(tp.partition());
            if (next == null) {
                stored.get(shard.getKey()).remove(tp);
                min = BEGINNING;
            } else {
                stored.get(shard.getKey()).put(tp, next);
                if (min != BEGINNING) min = Math.min(min, next);
            }
        }
        return min == Long.MAX_VALUE ? BEGINNING : min;
    }

    /** After {@code shard}'s batch committed: its new positions. */
    void advance(String shard, Map<TopicPartition, Long> next) {
        stored.get(shard).putAll(next);
    }

    void forget(Collection<TopicPartition> partitions) {
        stored.values().forEach(offsets -> offsets.keySet().removeAll(partitions));
    }

    /** Records between each partition's smallest stored position and its log end, summed. */
    long lag(Map<TopicPartition, Long> logEnds) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : logEnds.entrySet()) lag += Math.max(0, end.getValue() - smallest(end.getKey()));
        return lag;
    }

    private long smallest(TopicPartition tp) {
        long min = Long.MAX_VALUE;
        for (Map<TopicPartition, Long> offsets : stored.values()) min = Math.min(min, offsets.getOrDefault(tp, 0L));
        return min == Long.MAX_VALUE ? 0 : min;
    }
}
