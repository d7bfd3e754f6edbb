package io.harbinger.store.load;

/** How a batch meets rows that are already stored (the same sample delivered twice). */
public enum WriteMode {
    /**
     * {@code COPY} into a temporary staging table, then {@code INSERT ... SELECT ... ON CONFLICT DO
     * NOTHING} into the partitioned table: duplicates are skipped row by row, always.
     */
    STAGED,
    /**
     * Plain {@code COPY} into the partitioned table under a savepoint; only when that meets a duplicate
     * key (SQLState 23505) is the batch rolled back to the savepoint and written {@link #STAGED}.
     * Duplicates are rare (a client retry without idempotency key), so most batches pay plain COPY.
     */
    OPTIMISTIC
}
