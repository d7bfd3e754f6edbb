package io.harbinger.schema.read;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One drive: its latest prediction (reasons sharpened with its SMART history), its risk and SMART
 * history in {@code [from, to)} (resolved as {@link DriveQuery} says), oldest first.
 */
public record DriveDetail(String region, String host, String drive, Optional<String> driveModel, Optional<DriveRisk> latest,
                          Instant from, Instant to, List<RiskPoint> risk, List<SmartPoint> smart) {
    public DriveDetail {
        risk = List.copyOf(risk);
        smart = List.copyOf(smart);
    }

    /** One prediction; of two model versions at one instant, both. */
    public record RiskPoint(Instant ts, double probability, String bucket, String modelVersion) {
    }

    /** One sample: the raw value of each tracked SMART attribute it has, by attribute id. */
    public record SmartPoint(Instant ts, Map<Integer, Long> attributes, OptionalDouble temperatureC) {
        public SmartPoint {
            attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes)); // by id
        }
    }
}
