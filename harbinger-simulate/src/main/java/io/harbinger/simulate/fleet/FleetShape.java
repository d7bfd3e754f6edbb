package io.harbinger.simulate.fleet;

/**
 * How many hosts, in how many regions, each with how many drive slots. Host {@code h} (0-based) is
 * {@code host-0001} for h = 0, in region {@code <regionPrefix>(h mod regions + 1)} ({@code region-1} ...),
 * so that two fleets sent to one node can be kept apart by their regions.
 */
public record FleetShape(int hosts, int regions, int drivesPerHost, String regionPrefix) {
    public static final String REGION_PREFIX = "region-";

    public FleetShape(int hosts, int regions, int drivesPerHost) {
        this(hosts, regions, drivesPerHost, REGION_PREFIX);
    }

    public FleetShape {
        if (regionPrefix == null || regionPrefix.isBlank()) throw new IllegalArgumentException("regionPrefix must be non-blank");
        if (hosts < 1) throw new IllegalArgumentException("hosts must be >= 1, was " + hosts);
        if (regions < 1 || regions > hosts) throw new IllegalArgumentException("regions must be 1..hosts (" + hosts + "), was " + regions);
        if (drivesPerHost < 1) throw new IllegalArgumentException("drivesPerHost must be >= 1, was " + drivesPerHost);
        if ((long) hosts * drivesPerHost > Integer.MAX_VALUE) throw new IllegalArgumentException("hosts x drivesPerHost must fit an int");
    }

    public int drives() {
        return hosts * drivesPerHost;
    }

    public String host(int h) {
        return String.format("host-%04d", h + 1);
    }

    public String region(int h) {
        return regionPrefix + (h % regions + 1);
    }

    /** The host of drive slot {@code slot}. */
    public int hostOf(int slot) {
        return slot / drivesPerHost;
    }
}
