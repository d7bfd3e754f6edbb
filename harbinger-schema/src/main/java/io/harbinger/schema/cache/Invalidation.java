package io.harbinger.schema.cache;

import java.time.Instant;
import java.util.List;

/**
 * One record of the cache-invalidations topic: a loader committed a PostgreSQL transaction that
 * changed these keys, at {@code committedAt} (the loader's clock, after the commit returned). Every
 * API node reads every such record and evicts the cached answers the change affects.
 *
 * @param source which loader wrote the rows; it decides how far the change reaches
 * @param keys   the drives (and hosts) whose rows the transaction wrote, each once
 */
public record Invalidation(Instant committedAt, Source source, List<ChangedKey> keys) {
    /** Keys per record at most: a larger commit is split into several records. */
    public static final int MAX_KEYS = 4_096;

    public Invalidation {
        if (committedAt == null || source == null) throw new IllegalArgumentException("committedAt and source must be non-null");
        keys = List.copyOf(keys);
        if (keys.size() > MAX_KEYS) throw new IllegalArgumentException("an invalidation holds at most " + MAX_KEYS + " keys, got " + keys.size());
    }

    /** What the committed rows were. */
    public enum Source {
        /**
         * Predictions and alerts: a drive's latest state changed, so every answer that ranks or counts
         * drives (its host, its region, the fleet) may change too.
         */
        PREDICTIONS,
        /** SMART samples and host metrics: only the answers about that drive or host show them. */
        SAMPLES
    }
}
