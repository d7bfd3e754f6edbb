package io.harbinger.store;

import javax.sql.DataSource;
import java.util.List;

/**
 * Where rows are written: every region belongs to exactly one shard, whose primary takes its writes.
 * The loader writes through this; the shard map implements it for a sharded deployment and
 * {@link SinglePrimary} for one PostgreSQL (the embedded default).
 */
public interface WriteRouting {
    /** The shard that owns {@code region}'s rows. */
    Shard shardFor(String region);

    /** Every shard, each once, in a stable order. */
    List<Shard> shards();

    /** @param name stable and unique: it keys per-shard bookkeeping such as the loader's stored offsets */
    record Shard(String name, DataSource primary) {
        public Shard {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("shard name must be non-empty");
            if (primary == null) throw new IllegalArgumentException("shard " + name + " needs a primary DataSource");
        }
    }
}
