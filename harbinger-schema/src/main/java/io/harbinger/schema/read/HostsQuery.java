package io.harbinger.schema.read;

import java.util.Optional;

/** Which hosts: of one region or of the fleet, ordered by region then host, {@code limit} per page. */
public record HostsQuery(Optional<String> region, int limit, Optional<Cursor.Host> after) {
    public HostsQuery {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
}
