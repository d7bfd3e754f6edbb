package io.harbinger.app;

import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.PostgresPool;
import io.harbinger.store.Schema;
import io.harbinger.store.WriteRouting;
import io.harbinger.store.shard.ShardMap;
import io.harbinger.store.shard.Shards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The storage side of a node: PostgreSQL (bundled under the data directory, one external primary,
 * or the shards of a shard map), the schema migrated at start on every primary, and partition
 * maintenance (create ahead, drop past retention) on every primary at start and every
 * {@link #MAINTENANCE_INTERVAL}.
 */
final class Storage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);
    static final Duration MAINTENANCE_INTERVAL = Duration.ofHours(1);

    private final Deque<AutoCloseable> resources;
    private final WriteRouting routing;
    private final Map<String, Partitions> partitionsByShard;

    private Storage(Deque<AutoCloseable> resources, WriteRouting routing, Map<String, Partitions> partitionsByShard) {
        this.resources = resources;
        this.routing = routing;
        this.partitionsByShard = partitionsByShard;
    }

    static Storage start(StoreSettings settings, Path dataDir, Clock clock) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            WriteRouting routing = routing(settings, dataDir, resources);
            Map<String, Partitions> partitions = new LinkedHashMap<>();
            for (WriteRouting.Shard shard : routing.shards()) {
                Partitions p = new Partitions(shard.primary(), PartitionConfig.defaults(), clock);
                p.maintain(Set.of());
                partitions.put(shard.name(), p);
            }
            ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("partition-maintenance").factory());
            resources.push(maintenance::shutdownNow);
            long every = MAINTENANCE_INTERVAL.toMinutes();
            maintenance.scheduleWithFixedDelay(() -> maintain(partitions), every, every, TimeUnit.MINUTES);
            return new Storage(resources, routing, partitions);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static WriteRouting routing(StoreSettings settings, Path dataDir, Deque<AutoCloseable> resources) {
        if (settings.shardMap().isPresent()) {
            Shards shards = Shards.open(ShardMap.load(settings.shardMap().get())); // migrates every primary
            resources.push(shards);
            LOG.info("PostgreSQL: {} shards from {}", shards.shards().size(), settings.shardMap().get());
            return shards;
        }
        String url;
        if (settings.bundled()) {
            BundledPostgres bundled = BundledPostgres.start(dataDir.resolve("postgres"));
            resources.push(bundled);
            url = bundled.jdbcUrl();
        } else {
            url = settings.jdbcUrl().orElseThrow();
        }
        var pool = PostgresPool.open(url, settings.user(), settings.password(), 16);
        resources.push(pool);
        Schema.Migrated migrated = Schema.migrate(pool);
        LOG.info("PostgreSQL {} at schema version {} ({} migrations applied now)", settings.bundled() ? "bundled" : url,
                migrated.version(), migrated.applied());
        return WriteRouting.single(pool);
    }

    private static void maintain(Map<String, Partitions> partitions) {
        partitions.forEach((shard, p) -> {
            try {
                p.maintain(Set.of());
            } catch (RuntimeException e) { // retried at the next interval; writes create what they need themselves
                LOG.warn("partition maintenance of shard {} failed; retrying in {}", shard, MAINTENANCE_INTERVAL, e);
            }
        });
    }

    /** Whether every shard's primary answers now (a pooled connection validates within a second). */
    boolean healthy() {
        for (WriteRouting.Shard shard : routing.shards()) {
            try (Connection c = shard.primary().getConnection()) {
                if (!c.isValid(1)) return false;
            } catch (SQLException e) {
                return false;
            }
        }
        return true;
    }

    /** Rows stored per table, summed over the shards' primaries (a full count: for tests, benchmarks and operators, not a hot path). */
    /** Of {@link #rowCounts()}: the rows ingest stored (samples and metrics), not the tables derived from them. */
    static long ingestedRows(Map<String, Long> counts) {
        return counts.getOrDefault("disk_samples", 0L) + counts.getOrDefault("host_metrics", 0L);
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[]{"disk_samples", "host_metrics", "predictions", "alerts"}) {
            long total = 0;
            for (WriteRouting.Shard shard : routing.shards()) {
                try (Connection c = shard.primary().getConnection();
                     java.sql.Statement st = c.createStatement();
                     java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    total += rs.getLong(1);
                } catch (SQLException e) {
                    throw new IllegalStateException("counting " + table + " on shard " + shard.name() + " failed: " + e.getMessage(), e);
                }
            }
            counts.put(table, total);
        }
        return counts;
    }

    /** Where reads of {@code region} go: a serving replica of its shard (shard map), else its primary. */
    javax.sql.DataSource readerFor(String region) {
        return routing instanceof Shards shards ? shards.readerFor(region) : routing.shardFor(region).primary();
    }

    /** Every shard's reader, for fleet-wide queries. */
    io.harbinger.store.shard.FanOut fanOut() {
        java.util.Map<String, javax.sql.DataSource> readers = routing instanceof Shards shards ? shards.readers()
                : java.util.Map.of(routing.shards().getFirst().name(), routing.shards().getFirst().primary());
        return new io.harbinger.store.shard.FanOut(readers, Duration.ofSeconds(10));
    }

    WriteRouting routing() {
        return routing;
    }

    Map<String, Partitions> partitionsByShard() {
        return partitionsByShard;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", r, e);
            }
        }
    }
}
