package io.harbinger.store;

import io.harbinger.store.PartitionCatalog.RangePartition;
import io.harbinger.store.PartitionCatalog.RegionPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the partition tree of one PostgreSQL database in shape: creates a region's partitions on
 * first sight of the region, creates time partitions ahead of need, drops whole partitions past
 * retention (never {@code DELETE}). Plans come from {@link PartitionPlanner}; this class reads the
 * catalog and runs them, holding a PostgreSQL advisory lock so that several nodes maintaining the
 * same database do not race. "Today" comes from the injected clock (UTC). SQL failures surface as
 * {@link StoreException} naming the step.
 */
public final class Partitions {
    private static final Logger LOG = LoggerFactory.getLogger(Partitions.class);
    /** Advisory lock key of partition maintenance ("hrbgprtn"). */
    static final long LOCK_KEY = 0x68726267_7072746eL;

    private static final String CATALOG_QUERY = """
            SELECT parent.relname, child.relname, pg_get_expr(child.relpartbound, child.oid), i.inhdetachpending
              FROM pg_inherits i
              JOIN pg_class parent ON parent.oid = i.inhparent
              JOIN pg_class child ON child.oid = i.inhrelid
             WHERE child.relnamespace = current_schema()::regnamespace
               AND parent.relnamespace = current_schema()::regnamespace
               AND child.relkind IN ('r', 'p')
            """;

    private final DataSource dataSource;
    private final PartitionConfig config;
    private final Clock clock;
    private final Set<String> readyRegions = ConcurrentHashMap.newKeySet();

    public Partitions(DataSource dataSource, PartitionConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Makes sure {@code region} has its partitions in every table, with time partitions for the
     * window around today. Cheap after the first call for a region (remembered in memory).
     *
     * @return what was done (empty when the region was ready)
     */
    public List<PartitionAction> ensureRegion(String region) {
        if (region == null || region.isEmpty()) {
            throw new IllegalArgumentException("region must be non-empty");
        }
        if (readyRegions.contains(region)) {
            return List.of();
        }
        List<PartitionAction> done = underLock(true, catalog -> PartitionPlanner.window(catalog, region, today(), config));
        readyRegions.add(region);
        return done;
    }

    /**
     * The periodic job: for every region already in the database (and {@code extraRegions}), the
     * window around today; then drops of every partition past its table's retention.
     */
    public List<PartitionAction> maintain(Set<String> extraRegions) {
        return underLock(true, catalog -> PartitionPlanner.maintain(catalog, extraRegions, today(), config));
    }

    /**
     * Makes sure {@code table} has partitions for {@code region} for every day of [{@code from},
     * {@code toExclusive}), e.g. before loading historical data. Retention still applies at the next
     * {@link #maintain}: data older than it is dropped then.
     */
    public List<PartitionAction> ensureCovering(PartitionedTable table, String region, Instant from, Instant toExclusive) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(toExclusive.minusNanos(1), ZoneOffset.UTC);
        Granularity granularity = config.policy(table).granularity();
        return underLock(false, catalog -> PartitionPlanner.cover(catalog, table, region, first, last.plusDays(1), granularity));
    }

    /** The partitions that exist now. */
    public PartitionCatalog catalog() {
        try (Connection connection = dataSource.getConnection()) {
            return readCatalog(connection);
        } catch (SQLException e) {
            throw new StoreException("could not read the partition catalog", e);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private interface Planner {
        List<PartitionAction> plan(PartitionCatalog catalog);
    }

    /** @param atInfo the plan's summary line at INFO (a region's first window, maintenance), else DEBUG (history covered on demand, as loads go) */
    private List<PartitionAction> underLock(boolean atInfo, Planner planner) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            }
            try {
                List<PartitionAction> plan = planner.plan(readCatalog(connection));
                for (PartitionAction action : plan) {
                    execute(connection, action);
                }
                if (!plan.isEmpty() && atInfo) LOG.info("partitions: {}", summary(plan));
                else if (!plan.isEmpty()) LOG.debug("partitions: {}", summary(plan));
                return plan;
            } finally {
                try (Statement unlock = connection.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new StoreException("partition maintenance failed: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, PartitionAction action) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : action.statements()) {
                statement.execute(sql);
            }
        }
        LOG.debug("partition {}", action);
    }

    /**
     * A plan in one line for the INFO log (each action is logged at DEBUG): "created 2 region and 28 time
     * partitions (regions eu-1, us-east; 2018-01-01T00:00:00Z to 2018-01-15T00:00:00Z), dropped 0".
     */
    static String summary(List<PartitionAction> plan) {
        SortedSet<String> regions = new TreeSet<>();
        Instant first = null;
        Instant last = null;
        int parents = 0;
        int created = 0;
        int dropped = 0;
        for (PartitionAction action : plan) {
            switch (action) {
                case PartitionAction.CreateRegion c -> {
                    parents++;
                    regions.add(c.region());
                }
                case PartitionAction.CreateRange c -> {
                    created++;
                    regions.add(c.region());
                    first = first == null || c.from().isBefore(first) ? c.from() : first;
                    last = last == null || c.to().isAfter(last) ? c.to() : last;
                }
                case PartitionAction.DropRange d -> dropped++;
            }
        }
        String span = first == null ? "" : "; " + first + " to " + last;
        return "created " + parents + " region and " + created + " time partitions (regions " + String.join(", ", regions) + span
                + "), dropped " + dropped;
    }

    static PartitionCatalog readCatalog(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL TIME ZONE 'UTC'");
            List<CatalogRow> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(CATALOG_QUERY)) {
                while (rs.next()) {
                    rows.add(new CatalogRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
            connection.commit();
            return toCatalog(rows);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** One edge of the partition tree as the catalog query returns it. */
    record CatalogRow(String parent, String child, String bound, boolean detachPending) {
    }

    /** Pure: the catalog rows of our tables turned into regions and ranges; foreign partitions left out. */
    static PartitionCatalog toCatalog(List<CatalogRow> rows) {
        Map<String, PartitionedTable> tables = new HashMap<>();
        Arrays.stream(PartitionedTable.values()).forEach(t -> tables.put(t.tableName(), t));
        Map<String, RegionPartition> regionsByName = new HashMap<>();
        for (CatalogRow row : rows) {
            PartitionedTable table = tables.get(row.parent());
            Optional<String> region = CatalogBounds.listValue(row.bound());
            if (table != null && region.isPresent()) {
                regionsByName.put(row.child(), new RegionPartition(table, region.get(), row.child()));
            }
        }
        List<RangePartition> ranges = new ArrayList<>();
        for (CatalogRow row : rows) {
            RegionPartition parent = regionsByName.get(row.parent());
            Optional<CatalogBounds.Range> range = CatalogBounds.range(row.bound());
            if (parent != null && range.isPresent()) {
                ranges.add(new RangePartition(parent.table(), parent.region(), parent.name(), row.child(),
                        range.get().from(), range.get().to(), row.detachPending()));
            }
        }
        return new PartitionCatalog(List.copyOf(regionsByName.values()), ranges);
    }
}
