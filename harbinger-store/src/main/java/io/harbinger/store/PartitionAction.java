package io.harbinger.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.harbinger.store.PartitionNames.ident;
import static io.harbinger.store.PartitionNames.literal;

/** One change to the partition tree, as the SQL that makes it. Statements must run outside a transaction. */
public sealed interface PartitionAction {
    List<String> statements();

    /** The partition of {@code table} for {@code region}, itself partitioned by time. */
    record CreateRegion(PartitionedTable table, String region, String name) implements PartitionAction {
        @Override
        public List<String> statements() {
            return List.of("CREATE TABLE IF NOT EXISTS " + ident(name) + " PARTITION OF " + ident(table.tableName())
                    + " FOR VALUES IN (" + literal(region) + ") PARTITION BY RANGE (" + ident(table.timeColumn()) + ")");
        }
    }

    /** The partition of {@code parent} (a region partition) for {@code from <= time < to}. */
    record CreateRange(PartitionedTable table, String region, String parent, String name, Instant from, Instant to)
            implements PartitionAction {
        private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssx").withZone(ZoneOffset.UTC);

        @Override
        public List<String> statements() {
            return List.of("CREATE TABLE IF NOT EXISTS " + ident(name) + " PARTITION OF " + ident(parent)
                    + " FOR VALUES FROM (" + literal(BOUND.format(from)) + ") TO (" + literal(BOUND.format(to)) + ")");
        }
    }

    /**
     * Drops a whole range partition past retention: detached first without blocking writers of the
     * other partitions ({@code CONCURRENTLY}), or, when an earlier detach was interrupted, finished.
     */
    record DropRange(PartitionedTable table, String region, String parent, String name, Instant to, boolean detachPending)
            implements PartitionAction {
        @Override
        public List<String> statements() {
            String detach = "ALTER TABLE " + ident(parent) + " DETACH PARTITION " + ident(name)
                    + (detachPending ? " FINALIZE" : " CONCURRENTLY");
            return List.of(detach, "DROP TABLE IF EXISTS " + ident(name));
        }
    }
}
