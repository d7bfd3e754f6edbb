package io.harbinger.store;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Where reads go: a region's to a serving replica of its shard (else the shard's primary), fleet-wide
 * reads to one reader per shard. The shard map implements it for a sharded deployment, {@link SinglePrimary}
 * for one PostgreSQL.
 */
public interface ReadRouting {
    /** The reader of {@code region}'s shard now. */
    DataSource readerFor(String region);

    /** One reader per shard, by shard name, for fleet-wide queries. */
    Map<String, DataSource> readers();
}
