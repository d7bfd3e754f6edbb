package io.harbinger.store.query;

import io.harbinger.schema.read.BucketCounts;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.store.shard.FanOut;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The fleet summary in two fan-outs: every shard's regions with their latest prediction instant (the
 * fleet's {@code asOf} is the latest of them), then every region's counts, open alerts and trend up
 * to the fleet's {@code asOf}, summed.
 */
final class Summaries {
    private Summaries() {
    }

    private record RegionAsOf(String shard, String region, Instant asOf) {
    }

    private record RegionPart(FleetSummary.Region region, long[] bins) {
    }

    static FleetSummary read(FanOut shards, int days) {
        if (days < 1) throw new IllegalArgumentException("days must be >= 1, was " + days);
        List<RegionAsOf> regions = shards.concat((shard, reader) -> {
            List<RegionAsOf> out = new ArrayList<>();
            try (Connection c = reader.getConnection()) {
                for (String region : FleetQueries.regions(c)) {
                    FleetQueries.asOf(c, region).ifPresent(asOf -> out.add(new RegionAsOf(shard, region, asOf)));
                }
            }
            return out;
        });
        Optional<Instant> asOf = regions.stream().map(RegionAsOf::asOf).max(Comparator.naturalOrder());
        if (asOf.isEmpty()) return new FleetSummary(Optional.empty(), new FleetSummary.Total(0, BucketCounts.NONE, 0), List.of(), bins(new long[FleetSummary.BINS]));
        LocalDate last = asOf.get().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate first = last.minusDays(days - 1L);
        List<RegionPart> parts = shards.concat((shard, reader) -> {
            List<RegionPart> out = new ArrayList<>();
            try (Connection c = reader.getConnection()) {
                for (RegionAsOf r : regions) {
                    if (!r.shard().equals(shard)) continue;
                    FleetQueries.Counts counts = FleetQueries.regionCounts(c, r.region(), r.asOf());
                    out.add(new RegionPart(new FleetSummary.Region(r.region(), r.asOf(), counts.buckets().drives(), counts.buckets(),
                            FleetQueries.openAlerts(c, r.region()), FleetQueries.trend(c, r.region(), first, last)), counts.bins()));
                }
            }
            return out;
        });
        BucketCounts buckets = BucketCounts.NONE;
        long alerts = 0;
        long[] bins = new long[FleetSummary.BINS];
        for (RegionPart p : parts) {
            buckets = buckets.plus(p.region().buckets());
            alerts += p.region().alertsOpen();
            for (int i = 0; i < bins.length; i++) bins[i] += p.bins()[i];
        }
        List<FleetSummary.Region> byName = parts.stream().map(RegionPart::region).sorted(Comparator.comparing(FleetSummary.Region::region, FleetQueries.NAME_ORDER)).toList();
        return new FleetSummary(asOf, new FleetSummary.Total(buckets.drives(), buckets, alerts), byName, bins(bins));
    }

    private static List<FleetSummary.RiskBin> bins(long[] counts) {
        List<FleetSummary.RiskBin> out = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            out.add(new FleetSummary.RiskBin((double) i / counts.length, (double) (i + 1) / counts.length, counts[i]));
        }
        return out;
    }
}
