package io.harbinger.schema.read;

import java.time.Instant;
import java.util.Optional;

/**
 * One drive's detail over a time range {@code [from, to)}. An end not given is resolved by storage:
 * {@code to} the end of the drive's latest day of data, {@code from} 30 days before {@code to}; a
 * resolved range longer than {@link #MAX_DAYS} days starts {@code MAX_DAYS} before {@code to}.
 */
public record DriveQuery(String region, String host, String drive, Optional<Instant> from, Optional<Instant> to) {
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 400;

    public DriveQuery {
        if (region == null || host == null || drive == null) throw new IllegalArgumentException("region, host and drive must be non-null");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("from must be before to, was [" + from.get() + ", " + to.get() + ")");
        }
    }
}
