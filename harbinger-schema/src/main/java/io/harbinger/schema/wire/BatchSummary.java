package io.harbinger.schema.wire;

import java.util.List;

/**
 * What a record says about its hosts without materialising its points: per host, how many points
 * and field values it carries and its newest timestamp — all the host-state step needs.
 *
 * @param hosts one entry per host, in the order the hosts first appear in the record
 */
public record BatchSummary(long fingerprint, List<HostSummary> hosts) implements SummaryResult {
    public BatchSummary {
        if (hosts == null || hosts.isEmpty()) throw new IllegalArgumentException("a batch summary needs at least one host");
    }

    /** @param newestNanos the largest point timestamp of this host in the record, epoch nanoseconds */
    public record HostSummary(String region, String host, int points, long samples, long newestNanos) {
        public String routingKey() {
            return io.harbinger.core.point.Point.routingKey(region, host);
        }
    }
}
