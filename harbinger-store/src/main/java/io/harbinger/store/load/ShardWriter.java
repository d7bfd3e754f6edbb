package io.harbinger.store.load;

import io.harbinger.store.PartitionedTable;
import io.harbinger.store.Partitions;
import io.harbinger.store.StoreException;
import io.harbinger.store.WriteRouting;
import io.harbinger.store.rows.CopyEncoding;
import io.harbinger.store.rows.CopyFormat;
import io.harbinger.store.rows.Row;
import org.apache.kafka.common.TopicPartition;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one shard's batches: the rows with COPY and the shard's consumer offsets, in one
 * transaction. The offsets are advanced by compare-and-set against what this loader last stored, so a
 * second consumer of the same partitions (a zombie after a rebalance) cannot also write them: the
 * loser gets {@link Fenced} and re-reads its position. Not thread-safe: the loader's one thread uses it.
 */
final class ShardWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ShardWriter.class);
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final String READ_OFFSETS = "SELECT partition, next_offset FROM loader_offsets WHERE consumer_group = ? AND topic = ?";
    private static final String ADVANCE = "UPDATE loader_offsets SET next_offset = ?, updated_at = now() "
            + "WHERE consumer_group = ? AND topic = ? AND partition = ? AND next_offset = ?";
    private static final String FIRST = "INSERT INTO loader_offsets (consumer_group, topic, partition, next_offset) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final WriteRouting.Shard shard;
    private final Partitions partitions;
    private final String group;
    private final CopyFormat format;
    private final WriteMode mode;
    /** (table, region, epoch day) known to have a partition. */
    private final Set<String> covered = new HashSet<>();

    ShardWriter(WriteRouting.Shard shard, Partitions partitions, String group, CopyFormat format, WriteMode mode) {
        this.shard = shard;
        this.partitions = partitions;
        this.group = group;
        this.format = format;
        this.mode = mode;
    }

    String name() {
        return shard.name();
    }

    /** Another loader advanced an offset we were about to advance: our view of the position is stale. */
    static final class Fenced extends Exception {
        Fenced(String message) {
            super(message);
        }
    }

    /** What a committed batch did: rows offered, rows inserted (the rest were already stored), rows refused. */
    record Written(Map<PartitionedTable, Integer> inserted, int offered, int duplicates, int refused) {
    }

    /** The stored next offset of every partition of {@code topic} this shard has one for. */
    Map<Integer, Long> readOffsets(String topic) throws SQLException {
        try (Connection c = shard.primary().getConnection(); PreparedStatement s = c.prepareStatement(READ_OFFSETS)) {
            s.setString(1, group);
            s.setString(2, topic);
            Map<Integer, Long> offsets = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) offsets.put(rs.getInt(1), rs.getLong(2));
            }
            return offsets;
        }
    }

    /**
     * Writes {@code batch} and moves the offsets from {@code expected} (absent: none stored) to the
     * batch's, in one transaction. With {@code salvage}, rows are written one by one and a row the
     * server refuses as data (SQLState 22/23) is skipped and counted instead of failing the batch.
     */
    Written write(ShardBatch batch, Map<TopicPartition, Long> expected, boolean salvage) throws SQLException, Fenced {
        ensurePartitions(batch);
        try (Connection c = shard.primary().getConnection()) {
            c.setAutoCommit(false);
            try {
                advanceOffsets(c, batch.nextOffsets(), expected);
                Written written = salvage ? writeEach(c, batch) : writeAll(c, batch);
                c.commit();
                return written;
            } catch (SQLException | Fenced | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        }
    }

    /** Forgets which partitions exist (after a write met a missing one). */
    void forgetPartitions() {
        covered.clear();
    }

    private Written writeAll(Connection c, ShardBatch batch) throws SQLException {
        Map<PartitionedTable, Integer> inserted = new HashMap<>();
        int offered = 0;
        for (Map.Entry<PartitionedTable, List<Row>> e : batch.rows().entrySet()) {
            PartitionedTable table = e.getKey();
            byte[] data = CopyEncoding.encode(e.getValue(), format);
            offered += e.getValue().size();
            inserted.put(table, mode == WriteMode.STAGED ? staged(c, table, data) : optimistic(c, table, data));
        }
        int total = inserted.values().stream().mapToInt(Integer::intValue).sum();
        return new Written(inserted, offered, offered - total, 0);
    }

    private Written writeEach(Connection c, ShardBatch batch) throws SQLException {
        Map<PartitionedTable, Integer> inserted = new HashMap<>();
        int offered = 0;
        int refused = 0;
        for (Map.Entry<PartitionedTable, List<Row>> e : batch.rows().entrySet()) {
            for (Row row : e.getValue()) {
                offered++;
                Savepoint savepoint = c.setSavepoint();
                try {
                    inserted.merge(e.getKey(), staged(c, e.getKey(), CopyEncoding.encode(List.of(row), format)), Integer::sum);
                    c.releaseSavepoint(savepoint);
                } catch (SQLException refusal) {
                    if (ErrorKind.of(refusal) != ErrorKind.DATA) throw refusal;
                    c.rollback(savepoint);
                    refused++;
                    LOG.warn("shard {}: skipped a {} row the server refuses ({} {}): {}", shard.name(), e.getKey().tableName(), refusal.getSQLState(), refusal.getMessage(), row);
                }
            }
        }
        int total = inserted.values().stream().mapToInt(Integer::intValue).sum();
        return new Written(inserted, offered, offered - total - refused, refused);
    }

    /** Plain COPY under a savepoint; on a duplicate key, back to the savepoint and {@link #staged}. */
    private int optimistic(Connection c, PartitionedTable table, byte[] data) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            int n = copy(c, table.tableName(), table, data);
            c.releaseSavepoint(savepoint);
            return n;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) throw e;
            c.rollback(savepoint);
            return staged(c, table, data);
        }
    }

    /** COPY into a temporary table, then insert what is not stored yet. */
    private int staged(Connection c, PartitionedTable table, byte[] data) throws SQLException {
        String stage = "loader_stage_" + table.tableName();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " (LIKE " + table.tableName() + " INCLUDING DEFAULTS)");
            copy(c, stage, table, data);
            int inserted = s.executeUpdate("INSERT INTO " + table.tableName() + " SELECT * FROM " + stage + " ON CONFLICT DO NOTHING");
            s.execute("TRUNCATE " + stage);
            return inserted;
        }
    }

    private int copy(Connection c, String target, PartitionedTable table, byte[] data) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(CopyEncoding.copySql(target, table, format));
        try {
            in.writeToCopy(data, 0, data.length);
            return (int) in.endCopy();
        } catch (SQLException e) {
            if (in.isActive()) cancel(in, e);
            throw e;
        }
    }

    private void advanceOffsets(Connection c, Map<TopicPartition, Long> next, Map<TopicPartition, Long> expected) throws SQLException, Fenced {
        for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
            TopicPartition tp = e.getKey();
            Long was = expected.get(tp);
            try (PreparedStatement s = c.prepareStatement(was == null ? FIRST : ADVANCE)) {
                if (was == null) {
                    s.setString(1, group);
                    s.setString(2, tp.topic());
                    s.setInt(3, tp.partition());
                    s.setLong(4, e.getValue());
                } else {
                    s.setLong(1, e.getValue());
                    s.setString(2, group);
                    s.setString(3, tp.topic());
                    s.setInt(4, tp.partition());
                    s.setLong(5, was);
                }
                if (s.executeUpdate() != 1) {
                    throw new Fenced("shard " + shard.name() + ": the stored offset of " + tp + " is no longer "
                            + (was == null ? "absent" : was) + ": another consumer of group " + group + " wrote it");
                }
            }
        }
    }

    /** Creates the partitions the batch's rows need (first sight of a region, or days not seen yet). */
    private void ensurePartitions(ShardBatch batch) throws SQLException {
        try {
            for (Map.Entry<PartitionedTable, List<Row>> e : batch.rows().entrySet()) {
                for (Map.Entry<String, long[]> range : dayRanges(e.getValue()).entrySet()) {
                    ensure(e.getKey(), range.getKey(), range.getValue()[0], range.getValue()[1]);
                }
            }
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql) throw sql;
            throw e;
        }
    }

    private void ensure(PartitionedTable table, String region, long firstDay, long lastDay) {
        String prefix = table.ordinal() + "/" + region + "/";
        boolean known = true;
        for (long day = firstDay; day <= lastDay && known; day++) known = covered.contains(prefix + day);
        if (known) return;
        partitions.ensureRegion(region);
        partitions.ensureCovering(table, region, Instant.EPOCH.plusSeconds(firstDay * 86_400), Instant.EPOCH.plusSeconds((lastDay + 1) * 86_400));
        for (long day = firstDay; day <= lastDay; day++) covered.add(prefix + day);
    }

    /** Per region, the first and last epoch day of the rows. */
    static Map<String, long[]> dayRanges(List<Row> rows) {
        Map<String, long[]> ranges = new HashMap<>();
        for (Row row : rows) {
            long day = Math.floorDiv(row.tsMicros(), MICROS_PER_DAY);
            long[] range = ranges.computeIfAbsent(row.region(), r -> new long[] {day, day});
            range[0] = Math.min(range[0], day);
            range[1] = Math.max(range[1], day);
        }
        return ranges;
    }

    private static void cancel(CopyIn in, SQLException cause) {
        try {
            in.cancelCopy();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e); // the connection is likely gone; the pool discards it
        }
    }
}
