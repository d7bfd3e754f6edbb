package io.harbinger.schema.read;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Where alerting runs, a summary's open alerts are what it has firing, per region and in total. */
class FleetSummaryTest {
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void withAlertsOpen_replacesEachRegionsCount_regionsWithoutAnyHaveNone_totalIsTheSum() {
        BucketCounts b = new BucketCounts(10, 1, 1, 0);
        FleetSummary episodes = new FleetSummary(Optional.of(T), new FleetSummary.Total(24, b.plus(b), 7),
                List.of(new FleetSummary.Region("eu-1", T, 12, b, 4, List.of()), new FleetSummary.Region("us-1", T, 12, b, 3, List.of())), List.of());

        FleetSummary firing = episodes.withAlertsOpen(Map.of("eu-1", 2L));

        assertThat(firing.regions()).extracting(FleetSummary.Region::alertsOpen).containsExactly(2L, 0L);
        assertThat(firing.total().alertsOpen()).isEqualTo(2);
        assertThat(firing.total().drives()).isEqualTo(24);
        assertThat(firing.total().buckets()).isEqualTo(b.plus(b));
    }
}
