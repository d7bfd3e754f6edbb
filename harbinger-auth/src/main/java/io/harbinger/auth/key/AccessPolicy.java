package io.harbinger.auth.key;

import io.harbinger.schema.auth.Role;

import java.util.Optional;
import java.util.Set;

/**
 * Which role a request needs, by method and path (docs/adr/0013-api-keys.md):
 * <ul>
 *   <li>open: the probes and the scrape ({@code /health}, {@code /ready}, {@code /metrics}), the API's
 *       description ({@code /api/openapi.yaml}) and the dashboard's static files (every path outside
 *       {@code /api/} that is not an ingest endpoint): they hold no telemetry;</li>
 *   <li>{@code write}: the ingest endpoints;</li>
 *   <li>{@code admin}: {@code /api/v1/admin/...}, {@code POST /api/v1/model/reload}, and what changes who is
 *       paged: creating and expiring silences, acknowledging alerts;</li>
 *   <li>{@code read}: every other {@code /api/} path (the read API, the dashboard's data, reading alerts and silences).</li>
 * </ul>
 * A path nobody serves gets the same answer as one that exists: it needs {@code read} under {@code /api/}.
 */
public final class AccessPolicy {
    private static final Set<String> OPEN = Set.of("/health", "/ready", "/metrics", "/api/openapi.yaml");

    private final Set<String> writePaths;

    /** @param writePaths the ingest endpoints' paths */
    public AccessPolicy(Set<String> writePaths) {
        this.writePaths = Set.copyOf(writePaths);
    }

    /** The role {@code method path} needs; empty when it is open. */
    public Optional<Role> required(String method, String path) {
        if (writePaths.contains(path)) return Optional.of(Role.WRITE);
        if (OPEN.contains(path) || !path.startsWith("/api/")) return Optional.empty();
        return Optional.of(changesAlerting(method, path) || path.startsWith("/api/v1/admin/") || path.equals("/api/v1/model/reload")
                ? Role.ADMIN : Role.READ);
    }

    private static boolean changesAlerting(String method, String path) {
        boolean change = method.equals("POST") || method.equals("DELETE") || method.equals("PUT") || method.equals("PATCH");
        return change && (path.startsWith("/api/v1/silences") || path.matches("/api/v1/alerts/[^/]+/ack"));
    }
}
