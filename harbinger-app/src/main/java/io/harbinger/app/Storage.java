package io.harbinger.app;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.store.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.PostgresPool;
import io.harbinger.store.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The storage side of a node: PostgreSQL (bundled under the data directory, or external), the
 * schema migrated at start, and partition maintenance (create ahead, drop past retention) at start
 * and every {@link #MAINTENANCE_INTERVAL}.
 */
final class Storage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);
    static final Duration MAINTENANCE_INTERVAL = Duration.ofHours(1);

    private final Optional<BundledPostgres> bundled;
    private final HikariDataSource pool;
    private final Partitions partitions;
    private final ScheduledExecutorService maintenance;

    private Storage(Optional<BundledPostgres> bundled, HikariDataSource pool, Partitions partitions, ScheduledExecutorService maintenance) {
        this.bundled = bundled;
        this.pool = pool;
        this.partitions = partitions;
        this.maintenance = maintenance;
    }

    static Storage start(StoreSettings settings, Path dataDir, Clock clock) {
        Optional<BundledPostgres> bundled = settings.bundled() ? Optional.of(BundledPostgres.start(dataDir.resolve("postgres"))) : Optional.empty();
        HikariDataSource pool = null;
        try {
            String url = settings.jdbcUrl().orElseGet(() -> bundled.orElseThrow().jdbcUrl());
            pool = PostgresPool.open(url, settings.user(), settings.password(), 16);
            Schema.Migrated migrated = Schema.migrate(pool);
            Partitions partitions = new Partitions(pool, PartitionConfig.defaults(), clock);
            partitions.maintain(Set.of());
            ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "partition-maintenance");
                t.setDaemon(true);
                return t;
            });
            long every = MAINTENANCE_INTERVAL.toMinutes();
            maintenance.scheduleWithFixedDelay(() -> maintain(partitions), every, every, TimeUnit.MINUTES);
            LOG.info("PostgreSQL {} at schema version {} ({} migrations applied now)", settings.bundled() ? "bundled" : url,
                    migrated.version(), migrated.applied());
            return new Storage(bundled, pool, partitions, maintenance);
        } catch (RuntimeException e) {
            if (pool != null) pool.close();
            bundled.ifPresent(BundledPostgres::close);
            throw e;
        }
    }

    private static void maintain(Partitions partitions) {
        try {
            partitions.maintain(Set.of());
        } catch (RuntimeException e) { // retried at the next interval; writes create what they need themselves
            LOG.warn("partition maintenance failed; retrying in {}", MAINTENANCE_INTERVAL, e);
        }
    }

    /** Whether PostgreSQL answers now (a pooled connection validates within a second). */
    boolean healthy() {
        try (java.sql.Connection c = pool.getConnection()) {
            return c.isValid(1);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    DataSource dataSource() {
        return pool;
    }

    Partitions partitions() {
        return partitions;
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
        pool.close();
        bundled.ifPresent(BundledPostgres::close);
    }
}
