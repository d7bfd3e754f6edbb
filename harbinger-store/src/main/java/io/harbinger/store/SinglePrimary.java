package io.harbinger.store;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/** All regions on one PostgreSQL, which takes the writes and answers the reads (the embedded default). */
public final class SinglePrimary implements WriteRouting, ReadRouting {
    private final Shard only;

    public SinglePrimary(DataSource primary) {
        this.only = new Shard("main", primary);
    }

    @Override
    public Shard shardFor(String region) {
        return only;
    }

    @Override
    public List<Shard> shards() {
        return List.of(only);
    }

    @Override
    public DataSource readerFor(String region) {
        return only.primary();
    }

    @Override
    public Map<String, DataSource> readers() {
        return Map.of(only.name(), only.primary());
    }
}
