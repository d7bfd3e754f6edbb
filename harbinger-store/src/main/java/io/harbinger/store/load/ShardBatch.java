package io.harbinger.store.load;

import io.harbinger.store.PartitionedTable;
import io.harbinger.store.rows.Row;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one shard has to write next: rows by table, the offsets they bring each partition to, and the
 * Kafka timestamps of the records the rows came from (for the record-age meter).
 */
final class ShardBatch {
    private final Map<PartitionedTable, List<Row>> rows = new EnumMap<>(PartitionedTable.class);
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private long[] recordTimestamps = new long[64];
    private int records;
    private int rowCount;
    private int rowsAtLastAdvance;

    void add(Row row) {
        rows.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row);
        rowCount++;
    }

    /** A record gave this batch rows; {@code timestampMillis} is its Kafka timestamp. */
    void recordAt(long timestampMillis) {
        if (records == recordTimestamps.length) recordTimestamps = Arrays.copyOf(recordTimestamps, records * 2);
        recordTimestamps[records++] = timestampMillis;
    }

    /** The Kafka timestamps of the records that gave this batch rows, in the order they came. */
    long[] recordTimestamps() {
        return Arrays.copyOf(recordTimestamps, records);
    }

    /**
     * The record before {@code nextOffset} was read; when it gave this batch rows (added since the last
     * advance), its Kafka timestamp {@code timestampMillis} is kept for the record-age meter.
     */
    void advance(TopicPartition partition, long nextOffset, long timestampMillis) {
        if (rowCount > rowsAtLastAdvance) recordAt(timestampMillis);
        rowsAtLastAdvance = rowCount;
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
        records = 0;
        rowCount = 0;
        rowsAtLastAdvance = 0;
    }
}
