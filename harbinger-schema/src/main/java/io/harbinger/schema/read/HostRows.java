package io.harbinger.schema.read;

/**
 * What PostgreSQL holds of one host since some instant: its SMART samples, host metric rows and
 * predictions (a full count, read from the primaries: for reconciling what ingest acknowledged).
 */
public record HostRows(String region, String host, long diskSamples, long hostMetrics, long predictions) {
    public HostRows {
        if (region == null || host == null) throw new IllegalArgumentException("region and host must be non-null");
        if (diskSamples < 0 || hostMetrics < 0 || predictions < 0) throw new IllegalArgumentException("counts must be >= 0");
    }
}
