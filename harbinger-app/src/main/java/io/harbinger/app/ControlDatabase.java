package io.harbinger.app;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PostgresPool;
import io.harbinger.store.shard.ShardMap;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A small pool to the control database (where alerting and the API keys live: the first shard's primary, the
 * one primary, or the bundled PostgreSQL), for what needs it without the whole storage side: an ingest node
 * that checks API keys, and {@code harbinger keys}. With the bundled PostgreSQL it starts that server under
 * the data directory, which only works while no node runs on it.
 */
record ControlDatabase(HikariDataSource pool, Optional<BundledPostgres> bundled) implements AutoCloseable {
    private static final int POOL_SIZE = 2;

    static ControlDatabase open(StoreSettings store) {
        return open(store, Optional.empty());
    }

    /** @param dataDir where the bundled PostgreSQL lives, when {@code store} names no external one */
    static ControlDatabase open(StoreSettings store, Optional<Path> dataDir) {
        if (store.shardMap().isPresent()) {
            ShardMap.ShardSpec first = ShardMap.load(store.shardMap().get()).shards().getFirst();
            return new ControlDatabase(PostgresPool.open(first.primaryUrl(), first.credentials().user(), first.credentials().password(), POOL_SIZE), Optional.empty());
        }
        if (store.jdbcUrl().isPresent()) {
            return new ControlDatabase(PostgresPool.open(store.jdbcUrl().get(), store.user(), store.password(), POOL_SIZE), Optional.empty());
        }
        Path dir = dataDir.orElseThrow(() -> new IllegalArgumentException("the keys need a PostgreSQL: give --postgres or --shard-map"));
        BundledPostgres pg = BundledPostgres.startOwned(dir.resolve("postgres"));
        return new ControlDatabase(PostgresPool.open(pg.jdbcUrl(), BundledPostgres.USER, "", POOL_SIZE), Optional.of(pg));
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        bundled.ifPresent(BundledPostgres::close);
    }
}
