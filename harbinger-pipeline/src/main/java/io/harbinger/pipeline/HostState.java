package io.harbinger.pipeline;

import io.harbinger.core.sample.Point;
import io.harbinger.pipeline.wire.PointBatch;

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

    boolean isRetry(PointBatch batch) {
        return recent.contains(batch.fingerprint());
    }

    HostState accept(PointBatch batch, long arrivalMillis) {
        long newPoints = points;
        long newSamples = samples;
        long newest = lastSampleNanos;
        for (Point p : batch.points()) {
            newPoints++;
            newSamples += p.fields().size();
            newest = Math.max(newest, p.timestampNanos());
        }
        return new HostState(region, host, newPoints, newSamples, newest, Math.max(lastArrivalMillis, arrivalMillis),
                duplicates, recent.with(batch.fingerprint()));
    }

    HostState duplicate(long arrivalMillis) {
        return new HostState(region, host, points, samples, lastSampleNanos, Math.max(lastArrivalMillis, arrivalMillis),
                duplicates + 1, recent);
    }

    HostStats stats() {
        return new HostStats(region, host, points, samples, lastSampleNanos, lastArrivalMillis, duplicates);
    }
}
