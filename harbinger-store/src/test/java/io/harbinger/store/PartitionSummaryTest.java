package io.harbinger.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one INFO line a partition plan leaves in the log (its actions are DEBUG). */
class PartitionSummaryTest {
    private static final Instant JAN_1 = Instant.parse("2018-01-01T00:00:00Z");
    private static final Instant JAN_2 = Instant.parse("2018-01-02T00:00:00Z");
    private static final Instant JAN_3 = Instant.parse("2018-01-03T00:00:00Z");

    @Test
    void summary_countsParentsRangesAndDrops_andSpansTheCreatedRanges() {
        List<PartitionAction> plan = List.of(
                new PartitionAction.CreateRegion(PartitionedTable.DISK_SAMPLES, "us-east", "p_us"),
                new PartitionAction.CreateRange(PartitionedTable.DISK_SAMPLES, "us-east", "p_us", "p_us_1", JAN_2, JAN_3),
                new PartitionAction.CreateRange(PartitionedTable.DISK_SAMPLES, "eu-1", "p_eu", "p_eu_1", JAN_1, JAN_2),
                new PartitionAction.DropRange(PartitionedTable.DISK_SAMPLES, "eu-1", "p_eu", "p_eu_0", JAN_1, false));

        assertThat(Partitions.summary(plan)).isEqualTo(
                "created 1 region and 2 time partitions (regions eu-1, us-east; 2018-01-01T00:00:00Z to 2018-01-03T00:00:00Z), dropped 1");
    }

    @Test
    void summary_ofDropsOnly_namesNoSpan() {
        List<PartitionAction> plan = List.of(new PartitionAction.DropRange(PartitionedTable.ALERTS, "eu-1", "p", "p0", JAN_1, true));

        assertThat(Partitions.summary(plan)).isEqualTo("created 0 region and 0 time partitions (regions ), dropped 1");
    }
}
