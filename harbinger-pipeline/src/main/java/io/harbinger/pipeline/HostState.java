package io.harbinger.pipeline;

import io.harbinger.schema.read.HostStats;
import io.harbinger.schema.wire.BatchSummary.HostSummary;

/**
 * The state kept per routing key in the {@value HostStatsTopology#STORE} store: counters, last seen
 * times and the ring of recent record fingerprints that recognises client retries. Pure values.
 *
 * <p>A retry is recognised only while its fingerprint is among the host's last
 * {@value FingerprintRing#CAPACITY} accepted records: a retry arriving after 64 newer records from
 * the same host is counted again.
 */
record HostState(String region, String host, long points, long samples, long lastSampleNanos,
                 long lastArrivalMillis, long duplicates, FingerprintRing recent) {

    static HostState first(String region, String host) {
        return new HostState(region, host, 0, 0, Long.MIN_VALUE, Long.MIN_VALUE, 0, FingerprintRing.EMPTY);
    }

    boolean isRetry(long fingerprint) {
        return recent.contains(fingerprint);
    }

    HostState accept(HostSummary batch, long fingerprint, long arrivalMillis) {
        return new HostState(region, host, points + batch.points(), samples + batch.samples(),
                Math.max(lastSampleNanos, batch.newestNanos()), Math.max(lastArrivalMillis, arrivalMillis),
                duplicates, recent.with(fingerprint));
    }

    HostState duplicate(long arrivalMillis) {
        return new HostState(region, host, points, samples, lastSampleNanos, Math.max(lastArrivalMillis, arrivalMillis),
                duplicates + 1, recent);
    }

    HostStats stats() {
        return new HostStats(region, host, points, samples, lastSampleNanos, lastArrivalMillis, duplicates);
    }
}
