package io.harbinger.store.shard;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.harbinger.store.PostgresPool;
import io.harbinger.store.Schema;
import io.harbinger.store.StoreException;
import io.harbinger.store.ReadRouting;
import io.harbinger.store.WriteRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The shards of a {@link ShardMap} at run time: a HikariCP pool per primary (opened and migrated at
 * start) and per replica; writes routed by region to the owning shard's primary; reads routed to a
 * healthy replica of that shard.
 *
 * <h2>When a replica serves reads</h2>
 * A replica serves reads when the last check reached it, it is in recovery (a standby, not promoted)
 * and it is at most {@link ShardMap.ReplicaPolicy#maxLagBytes()} bytes of WAL behind its primary:
 * {@code pg_wal_lsn_diff(pg_current_wal_lsn() of the primary, pg_last_wal_replay_lsn() of the replica)}.
 * Replay position in bytes was chosen over a time lag ({@code now() - pg_last_xact_replay_timestamp()})
 * because time lag is wrong exactly when it matters least and most: on an idle primary it grows
 * without bound although the replica has everything (so healthy replicas would be dropped every
 * quiet night), and it depends on the two servers' clocks agreeing. Byte lag is exact (zero means
 * "has everything the primary had when asked"), needs no clock, and bounds the work the replica has
 * left. Replay (not receive) position is compared, because reads see only what was replayed. The
 * staleness a read can see is then at most the lag bound's worth of WAL plus one check interval.
 * When the primary cannot be asked, replicas that answer keep serving (reads stay up while the
 * primary is down; their lag is unknown, which the status says).
 *
 * <p>Checks run in the background every {@link ShardMap.ReplicaPolicy#checkInterval()} on the given
 * scheduler, never per query; {@link #checkReplicas()} runs one now. Between checks, a replica that
 * cannot hand out a connection is skipped at once ({@link #readerFor}). Replicas are spread
 * round-robin, one turn per connection.
 */
public final class Shards implements WriteRouting, ReadRouting, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Shards.class);

    private final ShardMap map;
    private final Map<String, ShardNode> nodes;
    private final Map<String, ShardNode> byRegion;
    private final ShardNode defaultNode;
    private final List<Shard> shards;
    private final ReplicaChecker checker;
    private final ScheduledFuture<?> checks;
    private final Optional<ScheduledExecutorService> ownScheduler;

    private Shards(ShardMap map, Map<String, ShardNode> nodes, Clock clock, ScheduledExecutorService scheduler,
                   Optional<ScheduledExecutorService> ownScheduler) {
        this.map = map;
        this.nodes = nodes;
        this.byRegion = new HashMap<>();
        map.listedRegions().forEach((region, shard) -> byRegion.put(region, nodes.get(shard)));
        this.defaultNode = nodes.get(map.defaultShard());
        this.shards = nodes.values().stream().map(n -> n.shard).toList();
        this.checker = new ReplicaChecker(List.copyOf(nodes.values()), map.replicas(), clock);
        this.ownScheduler = ownScheduler;
        checker.checkAll();
        long interval = map.replicas().checkInterval().toMillis();
        this.checks = scheduler.scheduleWithFixedDelay(this::checkInBackground, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** {@link #open(ShardMap, Clock, ScheduledExecutorService)} with the system clock and a scheduler of its own (one daemon thread). */
    public static Shards open(ShardMap map) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("harbinger-replica-check").factory());
        try {
            return open(map, Clock.systemUTC(), scheduler, Optional.of(scheduler));
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            throw e;
        }
    }

    /**
     * Opens a pool on every primary and applies the migrations to it ({@link Schema#migrate}), checks
     * every replica once, then keeps checking on {@code scheduler} (which the caller owns and shuts down).
     * Replicas need not be up: one that is not serves no reads until a check finds it healthy.
     *
     * @throws StoreException naming the shard whose primary cannot be reached or migrated (pools opened so far are closed)
     */
    public static Shards open(ShardMap map, Clock clock, ScheduledExecutorService scheduler) {
        return open(map, clock, scheduler, Optional.empty());
    }

    private static Shards open(ShardMap map, Clock clock, ScheduledExecutorService scheduler,
                               Optional<ScheduledExecutorService> own) {
        Map<String, ShardNode> nodes = new LinkedHashMap<>();
        try {
            for (ShardMap.ShardSpec spec : map.shards()) {
                nodes.put(spec.name(), node(spec, map, clock));
            }
            return new Shards(map, nodes, clock, scheduler, own);
        } catch (RuntimeException e) {
            nodes.values().forEach(ShardNode::close);
            throw e;
        }
    }

    private static ShardNode node(ShardMap.ShardSpec spec, ShardMap map, Clock clock) {
        String where = "shard " + spec.name() + " (primary " + ShardMap.redact(spec.primaryUrl()) + ")";
        HikariDataSource primary;
        try {
            primary = PostgresPool.open(spec.primaryUrl(), spec.credentials().user(), spec.credentials().password(), map.poolSize());
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException("could not connect to " + where, e);
        }
        try {
            Schema.migrate(primary);
        } catch (RuntimeException e) {
            primary.close();
            throw new StoreException("could not apply the migrations to " + where, e);
        }
        List<Replica> replicas = new ArrayList<>();
        for (String url : spec.replicaUrls()) {
            replicas.add(new Replica(spec.name(), url, spec.credentials(), map.poolSize(),
                    map.replicas().connectTimeout(), clock.instant()));
        }
        return new ShardNode(spec, primary, replicas, clock);
    }

    /** The shard that owns {@code region}: the one listing it in the map, else the default shard. */
    @Override
    public Shard shardFor(String region) {
        return node(region).shard;
    }

    @Override
    public List<Shard> shards() {
        return shards;
    }

    /**
     * Where {@code region}'s reads go: a data source whose every connection comes from a serving
     * replica of the owning shard (the next in turn), or from its primary when none serves. Read
     * only through it: a connection may be a replica's (read-only) or the primary's.
     */
    @Override
    public DataSource readerFor(String region) {
        return node(region).reader;
    }

    /** Every shard's reader (as {@link #readerFor}), by shard name, in the order of {@link #shards()}. */
    @Override
    public Map<String, DataSource> readers() {
        Map<String, DataSource> readers = new LinkedHashMap<>();
        nodes.forEach((name, node) -> readers.put(name, node.reader));
        return readers;
    }

    /** The latest verdict on every replica, shard by shard. */
    public List<ReplicaStatus> replicaStatus() {
        return nodes.values().stream().flatMap(n -> n.replicas.stream()).map(Replica::status).toList();
    }

    /** Measures every replica now (the background check does the same on its interval). */
    public void checkReplicas() {
        checker.checkAll();
    }

    public ShardMap map() {
        return map;
    }

    private ShardNode node(String region) {
        return byRegion.getOrDefault(region, defaultNode);
    }

    private void checkInBackground() {
        try {
            checker.checkAll();
        } catch (RuntimeException e) {
            // An exception would cancel every later run of a periodic task: log it and keep checking.
            LOG.warn("replica check failed; retried in {}", map.replicas().checkInterval(), e);
        }
    }

    /** Stops the checks and closes every pool. */
    @Override
    public void close() {
        checks.cancel(false);
        ownScheduler.ifPresent(ScheduledExecutorService::shutdownNow);
        nodes.values().forEach(ShardNode::close);
    }
}
