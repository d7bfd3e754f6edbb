package io.harbinger.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The partitions that exist, as read from PostgreSQL's catalog: the region partitions of each
 * table and the time ranges under them. Partitions that were not made by {@link Partitions}
 * (a DEFAULT partition, a list of several regions) are not in it.
 */
public record PartitionCatalog(List<RegionPartition> regions, List<RangePartition> ranges) {
    public static final PartitionCatalog EMPTY = new PartitionCatalog(List.of(), List.of());

    public PartitionCatalog {
        regions = List.copyOf(regions);
        ranges = List.copyOf(ranges);
    }

    /** {@code name} holds {@code table}'s rows of {@code region}; it is partitioned by time. */
    public record RegionPartition(PartitionedTable table, String region, String name) {
    }

    /**
     * {@code name} holds the rows with {@code from <= time < to}; {@code detachPending} when a
     * {@code DETACH ... CONCURRENTLY} was interrupted and has to be finished.
     */
    public record RangePartition(PartitionedTable table, String region, String parent, String name,
                                 Instant from, Instant to, boolean detachPending) {
    }

    /** Every region that has a partition in some table. */
    public Set<String> knownRegions() {
        return regions.stream().map(RegionPartition::region).collect(Collectors.toCollection(TreeSet::new));
    }

    boolean hasRegion(PartitionedTable table, String region) {
        return regions.stream().anyMatch(r -> r.table() == table && r.region().equals(region));
    }

    List<RangePartition> ranges(PartitionedTable table, String region) {
        return ranges.stream().filter(r -> r.table() == table && r.region().equals(region)).toList();
    }
}
