package io.harbinger.app;

import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.PostgresPool;
import io.harbinger.store.ReadRouting;
import io.harbinger.store.Schema;
import io.harbinger.store.SinglePrimary;
import io.harbinger.store.WriteRouting;
import io.harbinger.store.shard.ShardMap;
import io.harbinger.store.query.StoreReads;
import io.harbinger.store.shard.Shards;
import io.harbinger.schema.read.FleetReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
    private final FleetReads reads;
    private final Map<String, Partitions> partitionsByShard;
    private final Optional<BundledPostgres> bundled;

    private Storage(Deque<AutoCloseable> resources, Routing routing, Map<String, Partitions> partitionsByShard) {
        this.resources = resources;
        this.bundled = resources.stream().filter(BundledPostgres.class::isInstance).map(BundledPostgres.class::cast).findFirst();
        this.routing = routing.writes();
        this.reads = new StoreReads(routing.reads(), routing.writes());
        this.partitionsByShard = partitionsByShard;
    }

    /** Where writes and reads go: one object (the shard map, or the single primary) seen through both ports. */
    private record Routing(WriteRouting writes, ReadRouting reads) {
        static <R extends WriteRouting & ReadRouting> Routing of(R both) {
            return new Routing(both, both);
        }
    }

    static Storage start(StoreSettings settings, Path dataDir, Clock clock) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Routing routing = routing(settings, dataDir, resources);
            Map<String, Partitions> partitions = new LinkedHashMap<>();
            for (WriteRouting.Shard shard : routing.writes().shards()) {
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

    private static Routing routing(StoreSettings settings, Path dataDir, Deque<AutoCloseable> resources) {
        if (settings.shardMap().isPresent()) {
            Shards shards = Shards.open(ShardMap.load(settings.shardMap().get())); // migrates every primary
            resources.push(shards);
            LOG.info("PostgreSQL: {} shards from {}", shards.shards().size(), settings.shardMap().get());
            return Routing.of(shards);
        }
        String url;
        if (settings.bundled()) {
            BundledPostgres bundled = BundledPostgres.startOwned(dataDir.resolve("postgres"));
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
        return Routing.of(new SinglePrimary(pool));
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

    /** The read side: every query of the read API, routed to replicas where there are. */
    FleetReads reads() {
        return reads;
    }

    /** The bundled PostgreSQL's URL for {@code database}; empty when the node uses an external one. */
    Optional<String> bundledUrl(String database) {
        return bundled.map(pg -> pg.jdbcUrl(database));
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
