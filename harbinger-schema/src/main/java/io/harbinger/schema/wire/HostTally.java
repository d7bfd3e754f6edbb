package io.harbinger.schema.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds up points per host while a batch is summarised; a host's points are usually adjacent, so the last host is checked first. */
final class HostTally {
    private final List<Counts> order = new ArrayList<>();
    private final Map<String, Counts> byKey = new HashMap<>();
    private Counts last;

    void add(String region, String host, int fields, long timestamp) {
        Counts c = last != null && last.host.equals(host) && last.region.equals(region) ? last : find(region, host);
        c.points++;
        c.samples += fields;
        c.newest = Math.max(c.newest, timestamp);
        last = c;
    }

    private Counts find(String region, String host) {
        return byKey.computeIfAbsent(io.harbinger.core.point.Point.routingKey(region, host), k -> {
            Counts c = new Counts(region, host);
            order.add(c);
            return c;
        });
    }

    List<BatchSummary.HostSummary> hosts() {
        List<BatchSummary.HostSummary> hosts = new ArrayList<>(order.size());
        for (Counts c : order) hosts.add(new BatchSummary.HostSummary(c.region, c.host, c.points, c.samples, c.newest));
        return hosts;
    }

    private static final class Counts {
        final String region;
        final String host;
        int points;
        long samples;
        long newest = Long.MIN_VALUE;

        Counts(String region, String host) {
            this.region = region;
            this.host = host;
        }
    }
}
