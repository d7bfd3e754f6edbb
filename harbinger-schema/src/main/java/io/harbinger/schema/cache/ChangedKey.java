package io.harbinger.schema.cache;

/**
 * What a committed write changed: one drive of a host ({@code drive} non-empty), or a host as a whole
 * ({@code drive} empty: its metrics).
 */
public record ChangedKey(String region, String host, String drive) {
    public ChangedKey {
        if (region == null || region.isEmpty()) throw new IllegalArgumentException("region must be non-empty");
        if (host == null || host.isEmpty()) throw new IllegalArgumentException("host must be non-empty");
        if (drive == null) throw new IllegalArgumentException("drive must be non-null (empty for the host as a whole)");
    }

    /** The host as a whole. */
    public static ChangedKey host(String region, String host) {
        return new ChangedKey(region, host, "");
    }

    public boolean isDrive() {
        return !drive.isEmpty();
    }
}
