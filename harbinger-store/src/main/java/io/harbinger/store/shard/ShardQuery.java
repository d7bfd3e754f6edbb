package io.harbinger.store.shard;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

/** A query run on one shard's reader during a {@link FanOut}. */
@FunctionalInterface
public interface ShardQuery<T> {
    List<T> run(String shard, DataSource reader) throws SQLException;
}
