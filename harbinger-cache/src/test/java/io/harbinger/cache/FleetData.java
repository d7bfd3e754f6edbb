package io.harbinger.cache;

import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.read.StoredRows;

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
                List.of(new Contribution("smart_197_raw", probability), new Contribution("smart_5_raw", Double.NaN))));
    }

    Node node() {
        return new Node();
    }

    final class Node implements FleetReads {
        final AtomicInteger reads = new AtomicInteger();

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
        public StoredRows storedRows() {
            return new StoredRows(Map.of("predictions", (long) latest.size()));
        }

        @Override
        public boolean healthy() {
            return true;
        }
    }
}
