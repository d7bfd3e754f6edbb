package io.harbinger.predict.offline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Where a replayed Backblaze drive lives: Backblaze publishes drives, not servers, so a replay places
 * each drive on a host of a region by its serial number alone — CRC32C(serial) picks the region
 * ({@code crc % regions}) and the host within it ({@code (crc / regions) % hostsPerRegion}) — the same
 * placement on every run and every machine. The default, 4 regions of 150 hosts, gives about 53 drives a
 * host on the 32k-drive ST4000DM000 fleet: the size of a storage pod.
 */
public record FleetLayout(List<String> regions, int hostsPerRegion) {
    public static final FleetLayout DEFAULT = new FleetLayout(List.of("us-west", "us-east", "eu-central", "ap-south"), 150);

    public FleetLayout {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) throw new IllegalArgumentException("a fleet needs at least one region");
        if (hostsPerRegion < 1) throw new IllegalArgumentException("hostsPerRegion must be >= 1, was " + hostsPerRegion);
    }

    /** A drive's place. */
    public record Place(String region, String host) {
    }

    public Place of(String serial) {
        long crc = crc(serial);
        String region = regions.get((int) (crc % regions.size()));
        long host = (crc / regions.size()) % hostsPerRegion;
        return new Place(region, region + "-pod-" + host);
    }

    private static long crc(String serial) {
        CRC32C c = new CRC32C();
        c.update(serial.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }
}
