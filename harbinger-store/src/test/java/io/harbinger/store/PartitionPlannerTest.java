package io.harbinger.store;

import io.harbinger.store.PartitionAction.CreateRange;
import io.harbinger.store.PartitionAction.CreateRegion;
import io.harbinger.store.PartitionAction.DropRange;
import io.harbinger.store.PartitionCatalog.RangePartition;
import io.harbinger.store.PartitionCatalog.RegionPartition;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static io.harbinger.store.PartitionPlanner.midnight;
import static org.assertj.core.api.Assertions.assertThat;

class PartitionPlannerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final PartitionConfig CONFIG = PartitionConfig.defaults();

    @Test
    void window_newRegion_createsRegionPartitionThenDaysFromBackToAhead() {
        List<PartitionAction> plan = PartitionPlanner.window(PartitionCatalog.EMPTY, "eu", TODAY, CONFIG);

        List<PartitionAction> disk = plan.stream().filter(a -> table(a) == PartitionedTable.DISK_SAMPLES).toList();
        assertThat(disk.getFirst()).isEqualTo(new CreateRegion(PartitionedTable.DISK_SAMPLES, "eu", "disk_samples__eu"));
        assertThat(disk.subList(1, disk.size())).extracting(a -> ((CreateRange) a).name()).containsExactly(
                "disk_samples__eu__20261126", "disk_samples__eu__20261127", "disk_samples__eu__20261128",
                "disk_samples__eu__20261129", "disk_samples__eu__20261130", "disk_samples__eu__20261201");
        CreateRange today = (CreateRange) disk.get(3);
        assertThat(today.from()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(today.to()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void window_monthlyTable_createsTheMonthsTheWindowTouches() {
        List<PartitionAction> plan = PartitionPlanner.window(PartitionCatalog.EMPTY, "eu", TODAY, CONFIG);

        assertThat(plan).filteredOn(a -> a instanceof CreateRange r && r.table() == PartitionedTable.ALERTS)
                .extracting(a -> ((CreateRange) a).name())
                .containsExactly("alerts__eu__202611", "alerts__eu__202612");
    }

    @Test
    void window_everyTableGetsTheRegion() {
        List<PartitionAction> plan = PartitionPlanner.window(PartitionCatalog.EMPTY, "eu", TODAY, CONFIG);

        assertThat(plan).filteredOn(a -> a instanceof CreateRegion).extracting(PartitionPlannerTest::table)
                .containsExactly(PartitionedTable.values());
    }

    @Test
    void window_whatExistsAlready_plansNothing() {
        PartitionCatalog after = apply(PartitionCatalog.EMPTY, PartitionPlanner.window(PartitionCatalog.EMPTY, "eu", TODAY, CONFIG));

        assertThat(PartitionPlanner.window(after, "eu", TODAY, CONFIG)).isEmpty();
    }

    @Test
    void window_nextDay_createsOnlyTheNewDayAhead() {
        PartitionCatalog after = apply(PartitionCatalog.EMPTY, PartitionPlanner.window(PartitionCatalog.EMPTY, "eu", TODAY, CONFIG));

        List<PartitionAction> plan = PartitionPlanner.window(after, "eu", TODAY.plusDays(1), CONFIG);

        assertThat(plan).extracting(a -> ((CreateRange) a).name()).containsExactlyInAnyOrder(
                "disk_samples__eu__20261202", "host_metrics__eu__20261202",
                "predictions__eu__20261202");
    }

    @Test
    void maintain_regionsAlreadyInTheDatabaseAreKeptUpWithoutBeingNamed() {
        PartitionCatalog after = apply(PartitionCatalog.EMPTY, PartitionPlanner.window(PartitionCatalog.EMPTY, "us", TODAY, CONFIG));

        List<PartitionAction> plan = PartitionPlanner.maintain(after, Set.of("eu"), TODAY.plusDays(2), CONFIG);

        assertThat(plan).filteredOn(a -> a instanceof CreateRange r && r.table() == PartitionedTable.DISK_SAMPLES)
                .extracting(a -> ((CreateRange) a).name())
                .contains("disk_samples__us__20261202", "disk_samples__us__20261203", "disk_samples__eu__20261203");
    }

    @Test
    void expired_dropsPartitionsThatEndedAtOrBeforeTheRetentionCutoffOnly() {
        // disk_samples keeps 30 days: on 2026-11-28 the cutoff is 2026-10-29T00:00Z.
        PartitionCatalog catalog = catalog(
                range(PartitionedTable.DISK_SAMPLES, "eu", "2026-10-27", "2026-10-28"),
                range(PartitionedTable.DISK_SAMPLES, "eu", "2026-10-28", "2026-10-29"),
                range(PartitionedTable.DISK_SAMPLES, "eu", "2026-10-29", "2026-10-30"),
                range(PartitionedTable.PREDICTIONS, "eu", "2026-10-28", "2026-10-29"));

        List<PartitionAction> plan = PartitionPlanner.expired(catalog, TODAY, CONFIG);

        assertThat(plan).extracting(a -> ((DropRange) a).name())
                .containsExactly("disk_samples__eu__20261027", "disk_samples__eu__20261028");
    }

    @Test
    void expired_retentionIsConfigurablePerTable() {
        PartitionCatalog catalog = catalog(range(PartitionedTable.PREDICTIONS, "eu", "2026-10-28", "2026-10-29"));
        PartitionConfig shortPredictions = CONFIG.with(PartitionedTable.PREDICTIONS, new TablePolicy(Granularity.DAY, 7));

        assertThat(PartitionPlanner.expired(catalog, TODAY, shortPredictions)).hasSize(1);
        assertThat(PartitionPlanner.expired(catalog, TODAY, CONFIG)).isEmpty();
    }

    @Test
    void expired_detachLeftPending_isFinishedEvenIfNotYetOld() {
        RangePartition pending = new RangePartition(PartitionedTable.DISK_SAMPLES, "eu", "disk_samples__eu",
                "disk_samples__eu__20261127", midnight(TODAY.minusDays(1)), midnight(TODAY), true);

        List<PartitionAction> plan = PartitionPlanner.expired(catalog(pending), TODAY, CONFIG);

        assertThat(plan).hasSize(1);
        assertThat(plan.getFirst().statements()).containsExactly(
                "ALTER TABLE \"disk_samples__eu\" DETACH PARTITION \"disk_samples__eu__20261127\" FINALIZE",
                "DROP TABLE IF EXISTS \"disk_samples__eu__20261127\"");
    }

    @Test
    void dropRange_detachesConcurrentlyThenDrops_neverDeletes() {
        DropRange drop = new DropRange(PartitionedTable.DISK_SAMPLES, "eu", "disk_samples__eu", "disk_samples__eu__20261001",
                midnight(LocalDate.of(2026, 10, 2)), false);

        assertThat(drop.statements()).containsExactly(
                "ALTER TABLE \"disk_samples__eu\" DETACH PARTITION \"disk_samples__eu__20261001\" CONCURRENTLY",
                "DROP TABLE IF EXISTS \"disk_samples__eu__20261001\"");
    }

    @Test
    void createStatements_quoteTheRegionAndBoundsInUtc() {
        List<PartitionAction> plan = PartitionPlanner.cover(PartitionCatalog.EMPTY, PartitionedTable.ALERTS, "o'hare",
                TODAY, TODAY.plusDays(1), Granularity.MONTH);

        assertThat(plan.get(0).statements().getFirst()).isEqualTo("CREATE TABLE IF NOT EXISTS \"alerts__"
                + PartitionNames.slug("o'hare") + "\" PARTITION OF \"alerts\" FOR VALUES IN ('o''hare') PARTITION BY RANGE (\"raised_at\")");
        assertThat(plan.get(1).statements().getFirst()).endsWith(
                "FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00')");
    }

    @Test
    void cover_afterGranularityChange_fillsOnlyTheGapsOfAPeriod() {
        // Daily partitions up to 2026-12-01 exist; the table turns monthly: December starts on the 2nd.
        PartitionCatalog catalog = catalog(
                range(PartitionedTable.DISK_SAMPLES, "eu", "2026-11-30", "2026-12-01"),
                range(PartitionedTable.DISK_SAMPLES, "eu", "2026-12-01", "2026-12-02"));

        List<PartitionAction> plan = PartitionPlanner.cover(catalog, PartitionedTable.DISK_SAMPLES, "eu",
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 5), Granularity.MONTH);

        assertThat(plan).containsExactly(new CreateRange(PartitionedTable.DISK_SAMPLES, "eu", "disk_samples__eu",
                "disk_samples__eu__20261202_part", Instant.parse("2026-12-02T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void gaps_holeBetweenTwoPartitions_isFound() {
        List<RangePartition> existing = List.of(
                range(PartitionedTable.DISK_SAMPLES, "eu", "2026-11-01", "2026-11-03"),
                range(PartitionedTable.DISK_SAMPLES, "eu", "2026-11-10", "2026-11-20"));

        assertThat(PartitionPlanner.gaps(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), existing))
                .containsExactly(
                        new PartitionPlanner.Span(Instant.parse("2026-11-03T00:00:00Z"), Instant.parse("2026-11-10T00:00:00Z")),
                        new PartitionPlanner.Span(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
    }

    /** Whatever was there, after one maintenance run every day of the window is covered exactly once, and a second run does nothing. */
    @Property(tries = 300)
    void maintain_anyHistoryOfRuns_leavesTheWindowCoveredWithoutOverlapAndIsIdempotent(
            @ForAll @IntRange(min = 0, max = 400) int firstDayOffset,
            @ForAll @IntRange(min = 0, max = 60) int daysLater,
            @ForAll boolean switchToMonthly) {
        LocalDate first = LocalDate.of(2025, 1, 1).plusDays(firstDayOffset);
        PartitionCatalog catalog = apply(PartitionCatalog.EMPTY, PartitionPlanner.maintain(PartitionCatalog.EMPTY, Set.of("eu"), first, CONFIG));
        PartitionConfig config = switchToMonthly ? CONFIG.with(PartitionedTable.DISK_SAMPLES, new TablePolicy(Granularity.MONTH, 30)) : CONFIG;
        LocalDate later = first.plusDays(daysLater);

        PartitionCatalog after = apply(catalog, PartitionPlanner.maintain(catalog, Set.of(), later, config));

        for (PartitionedTable table : PartitionedTable.values()) {
            List<RangePartition> ranges = new ArrayList<>(after.ranges(table, "eu"));
            ranges.sort(Comparator.comparing(RangePartition::from));
            for (int i = 1; i < ranges.size(); i++) {
                assertThat(ranges.get(i).from()).as("no overlap in %s", table).isAfterOrEqualTo(ranges.get(i - 1).to());
            }
            assertThat(PartitionPlanner.gaps(midnight(later.minusDays(config.daysBack())), midnight(later.plusDays(config.daysAhead() + 1)), ranges))
                    .as("window of %s covered", table).isEmpty();
            Instant cutoff = midnight(later.minusDays(config.policy(table).retentionDays()));
            assertThat(ranges).as("nothing past retention in %s", table).allMatch(r -> r.to().isAfter(cutoff));
        }
        assertThat(PartitionPlanner.maintain(after, Set.of(), later, config)).isEmpty();
    }

    /** The catalog as it is after the plan ran: what PostgreSQL would report. */
    static PartitionCatalog apply(PartitionCatalog catalog, List<PartitionAction> plan) {
        List<RegionPartition> regions = new ArrayList<>(catalog.regions());
        List<RangePartition> ranges = new ArrayList<>(catalog.ranges());
        for (PartitionAction action : plan) {
            switch (action) {
                case CreateRegion r -> regions.add(new RegionPartition(r.table(), r.region(), r.name()));
                case CreateRange r -> ranges.add(new RangePartition(r.table(), r.region(), r.parent(), r.name(), r.from(), r.to(), false));
                case DropRange d -> ranges.removeIf(r -> r.name().equals(d.name()));
            }
        }
        return new PartitionCatalog(regions, ranges);
    }

    private static PartitionCatalog catalog(RangePartition... ranges) {
        List<RegionPartition> regions = new ArrayList<>();
        for (RangePartition r : ranges) {
            RegionPartition region = new RegionPartition(r.table(), r.region(), r.parent());
            if (!regions.contains(region)) {
                regions.add(region);
            }
        }
        return new PartitionCatalog(regions, List.of(ranges));
    }

    private static RangePartition range(PartitionedTable table, String region, String from, String to) {
        String parent = PartitionNames.regionPartition(table, region);
        return new RangePartition(table, region, parent, parent + "__" + from.replace("-", ""),
                midnight(LocalDate.parse(from)), midnight(LocalDate.parse(to)), false);
    }

    private static PartitionedTable table(PartitionAction action) {
        return switch (action) {
            case CreateRegion r -> r.table();
            case CreateRange r -> r.table();
            case DropRange d -> d.table();
        };
    }
}
