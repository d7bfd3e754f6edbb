package io.harbinger.schema.read;

import java.time.Instant;
import java.util.List;

/**
 * What the fleet's storage answers, wherever its shards and replicas are: a region's reads go to a
 * serving replica of its shard (else its primary), fleet-wide reads to every shard. Ranges are
 * {@code [from, to)}. Every method may throw {@link ReadUnavailableException} when storage does not answer.
 */
public interface FleetReads {
    /** A drive's predictions, oldest first. */
    List<DrivePrediction> drivePredictions(String region, String host, String drive, Instant from, Instant to);

    /** A region's alerts raised in the range, newest first; only those not resolved when {@code openOnly}. */
    List<DriveAlert> alerts(String region, Instant from, Instant to, boolean openOnly);

    /** The fleet's {@code limit} riskiest drives of the day before {@code asOf}, over every shard. */
    List<RiskPrediction> topRisk(int limit, Instant asOf);

    /** Rows per table over every shard's primary. */
    StoredRows storedRows();

    /** Whether every shard's primary answers now. */
    boolean healthy();
}
