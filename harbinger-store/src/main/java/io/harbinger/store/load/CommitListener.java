package io.harbinger.store.load;

import io.harbinger.schema.cache.ChangedKey;

import java.util.Set;

/**
 * Told, on the loader's thread, right after a shard's transaction committed, which drives and hosts its
 * rows were about: what a read cache must evict (it follows the commit, never the Kafka record, so a
 * read that misses after the eviction sees the committed rows). It must return quickly and not throw;
 * what it throws is logged and counted ({@code harbinger.store.loader.listener.errors}), never fatal to the loader.
 */
@FunctionalInterface
public interface CommitListener {
    /** Told nothing. */
    CommitListener NONE = (feed, keys) -> { };

    /**
     * @param feed which loader committed
     * @param keys every drive of its prediction, alert and SMART rows, and every host of its metric rows
     *             ({@link ChangedKey#host}), each once
     */
    void committed(Feed feed, Set<ChangedKey> keys);
}
