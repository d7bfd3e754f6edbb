package io.harbinger.schema.read;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fleet at a glance, by each drive's latest prediction.
 *
 * @param asOf          the latest prediction instant over the fleet; empty when nothing was scored yet
 * @param total         the regions summed
 * @param regions       by region name
 * @param riskHistogram drives by their latest probability, {@link #BINS} bins of equal width over [0, 1]
 *                      (a bin holds {@code from <= p < to}; the last also holds 1.0)
 */
public record FleetSummary(Optional<Instant> asOf, Total total, List<Region> regions, List<RiskBin> riskHistogram) {
    public static final int BINS = 20;

    public FleetSummary {
        regions = List.copyOf(regions);
        riskHistogram = List.copyOf(riskHistogram);
    }

    /**
     * This summary with the alerts open per region as the alerting engine counts them ({@code firing}:
     * by region; a region not in it has none), the total their sum.
     */
    public FleetSummary withAlertsOpen(Map<String, Long> firing) {
        List<Region> counted = regions.stream().map(r -> new Region(r.region(), r.asOf(), r.drives(), r.buckets(),
                firing.getOrDefault(r.region(), 0L), r.trend())).toList();
        long total = firing.values().stream().mapToLong(Long::longValue).sum();
        return new FleetSummary(asOf, new Total(this.total.drives(), this.total.buckets(), total), counted, riskHistogram);
    }

    /** @param alertsOpen alerts firing now: open episodes, or the alerting engine's firing alerts where one runs */
    public record Total(long drives, BucketCounts buckets, long alertsOpen) {
    }

    /**
     * @param asOf  this region's latest prediction instant
     * @param trend one entry per day of the last {@code days} days up to the fleet's asOf, oldest first:
     *              drives per bucket by their last prediction of that day (days without any are zeros)
     */
    public record Region(String region, Instant asOf, long drives, BucketCounts buckets, long alertsOpen, List<Day> trend) {
        public Region {
            trend = List.copyOf(trend);
        }
    }

    public record Day(LocalDate day, BucketCounts buckets) {
    }

    public record RiskBin(double from, double to, long drives) {
    }
}
