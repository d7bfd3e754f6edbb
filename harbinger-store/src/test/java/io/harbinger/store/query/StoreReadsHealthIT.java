package io.harbinger.store.query;

import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PostgresPool;
import io.harbinger.store.ReadRouting;
import io.harbinger.store.SharedPostgres;
import io.harbinger.store.WriteRouting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's storage health is whether it can read: a shard whose primary is down behind a serving replica is still readable. */
@ExtendWith(SharedPostgres.class)
class StoreReadsHealthIT {

    @Test
    void healthy_whileEveryShardsReaderAnswers_evenWithAPrimaryDown(BundledPostgres postgres) {
        try (var live = PostgresPool.open(postgres.jdbcUrl(), BundledPostgres.USER, "", 2)) {
            DataSource down = nothingListening();
            StoreReads replicaServing = new StoreReads(readers(Map.of("a", live, "b", live)), primaries(down, live));
            StoreReads readerDown = new StoreReads(readers(Map.of("a", live, "b", down)), primaries(live, live));

            assertThat(replicaServing.healthy()).as("shard a's primary is down, its reader answers").isTrue();
            assertThat(readerDown.healthy()).as("shard b cannot be read at all").isFalse();
        }
    }

    private static DataSource nothingListening() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:1/harbinger");
        ds.setConnectTimeout(1);
        return ds;
    }

    private static ReadRouting readers(Map<String, DataSource> byShard) {
        return new ReadRouting() {
            @Override
            public DataSource readerFor(String region) {
                return byShard.get("a");
            }

            @Override
            public Map<String, DataSource> readers() {
                return byShard;
            }
        };
    }

    private static WriteRouting primaries(DataSource a, DataSource b) {
        List<WriteRouting.Shard> shards = List.of(new WriteRouting.Shard("a", a), new WriteRouting.Shard("b", b));
        return new WriteRouting() {
            @Override
            public Shard shardFor(String region) {
                return shards.get(0);
            }

            @Override
            public List<Shard> shards() {
                return shards;
            }
        };
    }
}
