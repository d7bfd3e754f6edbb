package io.harbinger.cache;

import io.harbinger.schema.cache.ChangedKey;
import io.harbinger.schema.cache.Invalidation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * What a cached answer is about, the unit of invalidation: the fleet, a region, a host of a region, or a
 * drive of a host (wider levels have the narrower parts empty). A change to a drive's prediction reaches
 * every scope above it ({@link #affectedBy}); a new SMART sample only the drive and its host.
 */
public record Scope(String region, String host, String drive) {
    public static final Scope FLEET = new Scope("", "", "");

    public Scope {
        if (region == null || host == null || drive == null) throw new IllegalArgumentException("scope parts must be non-null (empty for wider)");
        if (region.isEmpty() && !host.isEmpty()) throw new IllegalArgumentException("a host scope needs a region");
        if (host.isEmpty() && !drive.isEmpty()) throw new IllegalArgumentException("a drive scope needs a host");
    }

    public static Scope region(String region) {
        return new Scope(requirePart("region", region), "", "");
    }

    public static Scope host(String region, String host) {
        return new Scope(requirePart("region", region), requirePart("host", host), "");
    }

    public static Scope drive(String region, String host, String drive) {
        return new Scope(requirePart("region", region), requirePart("host", host), requirePart("drive", drive));
    }

    /** The scopes whose answers {@code invalidation} may change. */
    public static Set<Scope> affectedBy(Invalidation invalidation) {
        Set<Scope> scopes = new HashSet<>();
        boolean wide = invalidation.source() == Invalidation.Source.PREDICTIONS;
        for (ChangedKey key : invalidation.keys()) {
            if (key.isDrive()) scopes.add(drive(key.region(), key.host(), key.drive()));
            scopes.add(host(key.region(), key.host()));
            if (wide) scopes.add(region(key.region()));
        }
        if (wide && !invalidation.keys().isEmpty()) scopes.add(FLEET);
        return scopes;
    }

    /** Unambiguous text: {@code fleet}, {@code r/<region>}, {@code h/<region>/<host>}, {@code d/<region>/<host>/<drive>} (parts URL-encoded). */
    public String text() {
        if (region.isEmpty()) return "fleet";
        if (host.isEmpty()) return "r/" + enc(region);
        if (drive.isEmpty()) return "h/" + enc(region) + "/" + enc(host);
        return "d/" + enc(region) + "/" + enc(host) + "/" + enc(drive);
    }

    static String enc(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private static String requirePart(String name, String value) {
        if (value == null || value.isEmpty()) throw new IllegalArgumentException(name + " must be non-empty");
        return value;
    }
}
