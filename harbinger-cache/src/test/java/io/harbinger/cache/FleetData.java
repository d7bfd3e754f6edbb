package io.harbinger.cache;

import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.read.AtRiskQuery;
import io.harbinger.schema.read.BucketCounts;
import io.harbinger.schema.read.Cursor;
import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DriveDetail;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.read.DriveQuery;
import io.harbinger.schema.read.DriveRisk;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.schema.read.HostDetail;
import io.harbinger.schema.read.HostSummary;
import io.harbinger.schema.read.HostsQuery;
import io.harbinger.schema.read.Page;
import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.read.StoredRows;
import java.util.Optional;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the cache tests read through: an in-memory fleet (each drive's latest prediction) that a test
 * changes as a loader would commit, and per node a {@link Node} view of it that counts the reads that reach it.
 */
final class FleetData {
    private final Map<String, DrivePrediction> latest = new ConcurrentHashMap<>();

    void predict(String region, String host, String drive, double probability, Instant ts) {
        latest.put(region + "/" + host + "/" + drive, new DrivePrediction(region, drive, host, ts, "m1", probability, probability > 0.5 ? "bad" : "good",
                List.of(new Contribution("smart_197_raw", probability, 24.0), new Contribution("smart_5_raw", 0.01, Double.NaN))));
    }

    Node node() {
        return new Node();
    }

    final class Node implements FleetReads {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public FleetSummary summary(int days) {
            reads.incrementAndGet();
            long bad = latest.values().stream().filter(p -> p.bucket().equals("bad")).count();
            return new FleetSummary(latest.values().stream().map(DrivePrediction::ts).max(Instant::compareTo),
                    new FleetSummary.Total(latest.size(), new BucketCounts(latest.size() - bad, 0, bad, 0), 0), List.of(),
                    List.of(new FleetSummary.RiskBin(0.0, 0.05, latest.size())));
        }

        @Override
        public Page<DriveRisk> atRisk(AtRiskQuery query) {
            reads.incrementAndGet();
            List<DriveRisk> all = latest.values().stream().sorted(Comparator.comparingDouble(DrivePrediction::probability).reversed())
                    .map(p -> new DriveRisk(p.region(), p.host(), p.drive(), Optional.of("ST4000DM000"), p.ts(), p.probability(), p.bucket(),
                            p.modelVersion(), List.of("SMART 197 0 -> 24 in 3 days"), p.topFeatures()))
                    .toList();
            List<DriveRisk> page = all.stream().limit(query.limit()).toList();
            Optional<Cursor> next = all.size() > query.limit() ? Optional.of(page.getLast().position()) : Optional.empty();
            return new Page<>(page, next);
        }

        @Override
        public Page<HostSummary> hosts(HostsQuery query) {
            reads.incrementAndGet();
            return Page.last(List.of());
        }

        @Override
        public Optional<HostDetail> host(String region, String host) {
            reads.incrementAndGet();
            return Optional.empty();
        }

        @Override
        public Optional<DriveDetail> drive(DriveQuery query) {
            reads.incrementAndGet();
            return Optional.empty();
        }

        @Override
        public List<DrivePrediction> drivePredictions(String region, String host, String drive, Instant from, Instant to) {
            reads.incrementAndGet();
            DrivePrediction p = latest.get(region + "/" + host + "/" + drive);
            return p == null ? List.of() : List.of(p);
        }

        @Override
        public List<DriveAlert> alerts(String region, Instant from, Instant to, boolean openOnly) {
            reads.incrementAndGet();
            return List.of();
        }

        @Override
        public List<RiskPrediction> topRisk(int limit, Instant asOf) {
            reads.incrementAndGet();
            return latest.values().stream().sorted(Comparator.comparingDouble(DrivePrediction::probability).reversed()).limit(limit)
                    .map(p -> new RiskPrediction(p.region(), p.drive(), p.host(), p.ts(), p.modelVersion(), p.probability(), p.bucket(), p.topFeatures()))
                    .toList();
        }

        @Override
        public List<io.harbinger.schema.read.HostRows> storedRowsByHost(String hostPrefix, java.time.Instant since) {
            return List.of();
        }

        @Override
        public StoredRows storedRows() {
            return new StoredRows(Map.of("predictions", (long) latest.size()));
        }

        @Override
        public boolean healthy() {
            return true;
        }
    }
}
