package io.harbinger.schema.read;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the fleet's storage answers, wherever its shards and replicas are: a region's reads go to a
 * serving replica of its shard (else its primary), fleet-wide reads to every shard. Ranges are
 * {@code [from, to)}. Every method may throw {@link ReadUnavailableException} when storage does not answer.
 */
public interface FleetReads {
    /**
     * The fleet by each drive's latest prediction: per region and in total, drives per bucket and open
     * alerts, a per-day trend over the last {@code days} days (1..90) up to the fleet's latest
     * prediction, and a risk histogram. A drive's latest prediction is its most recent one within the
     * {@link #CURRENT_DAYS} days up to its region's latest prediction: a drive silent for longer is no
     * longer part of the fleet's current state.
     */
    FleetSummary summary(int days);

    /** Drives by their latest prediction, riskiest first, one page after {@code query.after()}. */
    Page<DriveRisk> atRisk(AtRiskQuery query);

    /** Hosts with their worst drive, by region then host, one page after {@code query.after()}. */
    Page<HostSummary> hosts(HostsQuery query);

    /** One host's drives, their latest predictions and its latest host metrics; empty when storage has nothing of it. */
    Optional<HostDetail> host(String region, String host);

    /** One drive's latest prediction, risk and SMART history; empty when storage has no sample of it. */
    Optional<DriveDetail> drive(DriveQuery query);

    /** How far back a drive's latest prediction may be and still count as current, in days before its region's latest. */
    int CURRENT_DAYS = 7;

    /** A drive's predictions, oldest first. */
    List<DrivePrediction> drivePredictions(String region, String host, String drive, Instant from, Instant to);

    /** A region's alerts raised in the range, newest first; only those not resolved when {@code openOnly}. */
    List<DriveAlert> alerts(String region, Instant from, Instant to, boolean openOnly);

    /** The fleet's {@code limit} riskiest drives of the day before {@code asOf}, over every shard. */
    List<RiskPrediction> topRisk(int limit, Instant asOf);

    /** Rows per table over every shard's primary. */
    StoredRows storedRows();

    /**
     * Per host whose name starts with {@code hostPrefix} (non-empty; taken literally, {@code %} and
     * {@code _} included): rows stored with a timestamp at or after {@code since}, over all shards, read
     * from the primaries. Hosts with no row are absent; ordered by region, then host.
     */
    List<HostRows> storedRowsByHost(String hostPrefix, Instant since);

    /** Whether every shard can be read now: a serving replica or its primary answers. */
    boolean healthy();
}
