package io.harbinger.store;

import io.harbinger.store.PartitionAction.CreateRange;
import io.harbinger.store.PartitionAction.CreateRegion;
import io.harbinger.store.PartitionAction.DropRange;
import io.harbinger.store.PartitionCatalog.RangePartition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which partitions to create and drop: a pure function of what exists, the regions, the
 * day (UTC) and the policies. Creation fills only what is missing: a period that an existing
 * partition covers in part (after a change of granularity) gets partitions for its gaps only, so
 * plans never overlap what is there. Drops take whole partitions whose every instant is older than
 * the table's retention.
 */
final class PartitionPlanner {
    private PartitionPlanner() {
    }

    /** {@code from <= t < to}. */
    record Span(Instant from, Instant to) {
    }

    /** Everything maintenance does on {@code today}: each region's window, then the expired partitions. */
    static List<PartitionAction> maintain(PartitionCatalog catalog, Set<String> regions, LocalDate today, PartitionConfig config) {
        Set<String> all = new TreeSet<>(regions);
        all.addAll(catalog.knownRegions());
        List<PartitionAction> plan = new ArrayList<>();
        for (String region : all) {
            plan.addAll(window(catalog, region, today, config));
        }
        plan.addAll(expired(catalog, today, config));
        return plan;
    }

    /** For every table: {@code region}'s partition and its range partitions from daysBack before to daysAhead after today. */
    static List<PartitionAction> window(PartitionCatalog catalog, String region, LocalDate today, PartitionConfig config) {
        List<PartitionAction> plan = new ArrayList<>();
        for (PartitionedTable table : PartitionedTable.values()) {
            Granularity granularity = config.policy(table).granularity();
            LocalDate first = granularity.floor(today.minusDays(config.daysBack()));
            LocalDate end = granularity.next(granularity.floor(today.plusDays(config.daysAhead())));
            // A month's floor can reach back past retention: never create what expiry would drop at once.
            Instant cutoff = midnight(today.minusDays(config.policy(table).retentionDays()));
            for (PartitionAction action : cover(catalog, table, region, first, end, granularity)) {
                if (!(action instanceof CreateRange range) || range.to().isAfter(cutoff)) plan.add(action);
            }
        }
        return plan;
    }

    /** {@code table}'s partitions for {@code region} so that every day in {@code [from, toExclusive)} has one. */
    static List<PartitionAction> cover(PartitionCatalog catalog, PartitionedTable table, String region,
                                       LocalDate from, LocalDate toExclusive, Granularity granularity) {
        List<PartitionAction> plan = new ArrayList<>();
        String parent = PartitionNames.regionPartition(table, region);
        if (!catalog.hasRegion(table, region)) {
            plan.add(new CreateRegion(table, region, parent));
        }
        List<RangePartition> existing = catalog.ranges(table, region);
        for (LocalDate start = granularity.floor(from); start.isBefore(toExclusive); start = granularity.next(start)) {
            Instant periodStart = midnight(start);
            Instant periodEnd = midnight(granularity.next(start));
            for (Span gap : gaps(periodStart, periodEnd, existing)) {
                boolean whole = gap.from().equals(periodStart) && gap.to().equals(periodEnd);
                String suffix = PartitionNames.rangeSuffix(granularity, day(gap.from()), whole);
                plan.add(new CreateRange(table, region, parent, PartitionNames.rangePartition(table, region, suffix), gap.from(), gap.to()));
            }
        }
        return plan;
    }

    /** Range partitions that end at or before today's midnight minus the table's retention, and unfinished detaches. */
    static List<PartitionAction> expired(PartitionCatalog catalog, LocalDate today, PartitionConfig config) {
        List<PartitionAction> plan = new ArrayList<>();
        for (RangePartition range : catalog.ranges()) {
            Instant cutoff = midnight(today.minusDays(config.policy(range.table()).retentionDays()));
            if (range.detachPending() || !range.to().isAfter(cutoff)) {
                plan.add(new DropRange(range.table(), range.region(), range.parent(), range.name(), range.to(), range.detachPending()));
            }
        }
        return plan;
    }

    /** The parts of {@code [start, end)} that no existing range covers, in order; whole-day aligned if the ranges are. */
    static List<Span> gaps(Instant start, Instant end, List<RangePartition> existing) {
        List<RangePartition> overlapping = existing.stream()
                .filter(r -> r.from().isBefore(end) && r.to().isAfter(start))
                .sorted(Comparator.comparing(RangePartition::from))
                .toList();
        List<Span> gaps = new ArrayList<>();
        Instant cursor = start;
        for (RangePartition r : overlapping) {
            if (r.from().isAfter(cursor)) {
                gaps.add(new Span(cursor, r.from()));
            }
            if (r.to().isAfter(cursor)) {
                cursor = r.to();
            }
        }
        if (cursor.isBefore(end)) {
            gaps.add(new Span(cursor, end));
        }
        return gaps;
    }

    static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
