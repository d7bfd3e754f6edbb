package io.harbinger.store.load;

import io.harbinger.store.PartitionedTable;
import io.harbinger.store.rows.Row;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one shard has to write next: rows by table, and the offsets they bring each partition to. */
final class ShardBatch {
    private final Map<PartitionedTable, List<Row>> rows = new EnumMap<>(PartitionedTable.class);
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private int rowCount;

    void add(Row row) {
        rows.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row);
        rowCount++;
    }

    void advance(TopicPartition partition, long nextOffset) {
        nextOffsets.merge(partition, nextOffset, Math::max);
    }

    boolean isEmpty() {
        return rowCount == 0 && nextOffsets.isEmpty();
    }

    int rowCount() {
        return rowCount;
    }

    Map<PartitionedTable, List<Row>> rows() {
        return rows;
    }

    Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    /** Empties the batch (after it was written, or to re-read it from Kafka). */
    void clear() {
        rows.clear();
        nextOffsets.clear();
        rowCount = 0;
    }
}
