package io.harbinger.store.query;

import io.harbinger.schema.read.AtRiskQuery;
import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DriveDetail;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.read.DriveQuery;
import io.harbinger.schema.read.DriveRisk;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.schema.read.HostDetail;
import io.harbinger.schema.read.HostRows;
import io.harbinger.schema.read.HostSummary;
import io.harbinger.schema.read.HostsQuery;
import io.harbinger.schema.read.Page;
import io.harbinger.schema.read.ReadUnavailableException;
import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.read.StoredRows;
import io.harbinger.store.ReadRouting;
import io.harbinger.store.WriteRouting;
import io.harbinger.store.shard.FanOut;
import io.harbinger.store.shard.FanOutException;
import io.harbinger.store.shard.ShardQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FleetReads} on PostgreSQL: {@link StoreQueries} on the reader {@link ReadRouting} gives for a
 * region, fleet-wide queries fanned out over every shard's reader, counts and health on the primaries.
 * SQL failures become {@link ReadUnavailableException}. The fleet reads of the read API are
 * {@link FleetQueries} run here: a region's on its shard's reader, the fleet's on every shard's, their
 * pages merged by {@link FanOut#merge} (each shard reads its first {@code limit + 1} after the cursor:
 * the merge's first {@code limit} are the page, one more says there is a next).
 */
public final class StoreReads implements FleetReads {
    static final Duration FAN_OUT_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> COUNTED = List.of("disk_samples", "host_metrics", "predictions", "alerts");

    private final ReadRouting reads;
    private final WriteRouting writes;

    public StoreReads(ReadRouting reads, WriteRouting writes) {
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public List<DrivePrediction> drivePredictions(String region, String host, String drive, Instant from, Instant to) {
        return read("predictions of drive " + drive, () -> StoreQueries.drivePredictions(reads.readerFor(region), region, host, drive, from, to));
    }

    @Override
    public List<DriveAlert> alerts(String region, Instant from, Instant to, boolean openOnly) {
        return read("alerts of region " + region, () -> openOnly ? StoreQueries.openAlerts(reads.readerFor(region), region, from, to)
                : StoreQueries.alerts(reads.readerFor(region), region, from, to));
    }

    @Override
    public List<RiskPrediction> topRisk(int limit, Instant asOf) {
        try {
            return StoreQueries.topRisk(new FanOut(reads.readers(), FAN_OUT_TIMEOUT), limit, asOf);
        } catch (FanOutException e) {
            throw new ReadUnavailableException("the fleet's top risk: " + e.getMessage(), e);
        }
    }

    @Override
    public FleetSummary summary(int days) {
        try {
            return Summaries.read(new FanOut(reads.readers(), FAN_OUT_TIMEOUT), days);
        } catch (FanOutException e) {
            throw new ReadUnavailableException("the fleet's summary: " + e.getMessage(), e);
        }
    }

    @Override
    public Page<DriveRisk> atRisk(AtRiskQuery q) {
        var buckets = List.copyOf(q.buckets());
        ShardQuery<DriveRisk> perShard = (shard, reader) -> {
            try (Connection c = reader.getConnection()) {
                List<List<DriveRisk>> regions = new java.util.ArrayList<>();
                for (String region : q.region().map(List::of).orElse(FleetQueries.regions(c))) {
                    Optional<Instant> asOf = FleetQueries.asOf(c, region);
                    if (asOf.isPresent()) regions.add(FleetQueries.atRisk(c, region, asOf.get(), buckets, q.after(), q.limit() + 1));
                }
                return io.harbinger.store.shard.Merge.first(q.limit() + 1, FleetQueries.AT_RISK_ORDER, regions);
            }
        };
        List<DriveRisk> rows = q.region().isPresent()
                ? read("drives at risk of region " + q.region().get(), () -> perShard.run(q.region().get(), reads.readerFor(q.region().get())))
                : fanOut("the fleet's drives at risk", FleetQueries.AT_RISK_ORDER, q.limit() + 1, perShard);
        return page(rows, q.limit(), DriveRisk::position);
    }

    @Override
    public Page<HostSummary> hosts(HostsQuery q) {
        var after = q.after().orElse(new io.harbinger.schema.read.Cursor.Host("", ""));
        ShardQuery<HostSummary> perShard = (shard, reader) -> {
            try (Connection c = reader.getConnection()) {
                List<HostSummary> hosts = new java.util.ArrayList<>();
                for (String region : q.region().map(List::of).orElse(FleetQueries.regions(c))) {
                    if (FleetQueries.NAME_ORDER.compare(region, after.region()) < 0 || hosts.size() > q.limit()) continue;
                    Optional<Instant> asOf = FleetQueries.asOf(c, region);
                    if (asOf.isPresent()) hosts.addAll(FleetQueries.hosts(c, region, asOf.get(), after, q.limit() + 1 - hosts.size()));
                }
                return hosts; // regions in order, each region's hosts in order
            }
        };
        List<HostSummary> rows = q.region().isPresent()
                ? read("hosts of region " + q.region().get(), () -> perShard.run(q.region().get(), reads.readerFor(q.region().get())))
                : fanOut("the fleet's hosts", FleetQueries.HOST_ORDER, q.limit() + 1, perShard);
        return page(rows, q.limit(), HostSummary::position);
    }

    @Override
    public Optional<HostDetail> host(String region, String host) {
        return read("host " + region + "/" + host, () -> {
            try (Connection c = reads.readerFor(region).getConnection()) {
                return Details.host(c, region, host);
            }
        });
    }

    @Override
    public Optional<DriveDetail> drive(DriveQuery q) {
        return read("drive " + q.region() + "/" + q.host() + "/" + q.drive(), () -> {
            try (Connection c = reads.readerFor(q.region()).getConnection()) {
                return Details.drive(c, q);
            }
        });
    }

    /** The first {@code limit} of {@code rows}, and the position of the last when more follow. */
    private static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, io.harbinger.schema.read.Cursor> position) {
        if (rows.size() <= limit) return Page.last(rows);
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, Optional.of(position.apply(items.getLast())));
    }

    /** A fleet-wide read, merged in {@code order}: every shard's part or a {@link ReadUnavailableException}. */
    <T> List<T> fanOut(String what, java.util.Comparator<? super T> order, int n, ShardQuery<T> query) {
        try {
            return new FanOut(reads.readers(), FAN_OUT_TIMEOUT).merge(n, order, query);
        } catch (FanOutException e) {
            throw new ReadUnavailableException(what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StoredRows storedRows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED) {
            long total = 0;
            for (WriteRouting.Shard shard : writes.shards()) total += count(shard, table);
            counts.put(table, total);
        }
        return new StoredRows(counts);
    }

    /** One scan per table on each primary: hosts by a literal prefix (an index range on host), rows since {@code since} (partitions pruned). */
    static final String ROWS_BY_HOST = """
            SELECT region, host, sum(d), sum(m), sum(p) FROM (
                SELECT region, host, count(*) AS d, 0 AS m, 0 AS p FROM disk_samples WHERE host LIKE ? ESCAPE '\\' AND ts >= ? GROUP BY region, host
                UNION ALL
                SELECT region, host, 0, count(*), 0 FROM host_metrics WHERE host LIKE ? ESCAPE '\\' AND ts >= ? GROUP BY region, host
                UNION ALL
                SELECT region, host, 0, 0, count(*) FROM predictions WHERE host LIKE ? ESCAPE '\\' AND ts >= ? GROUP BY region, host
            ) t GROUP BY region, host""";

    @Override
    public List<HostRows> storedRowsByHost(String hostPrefix, Instant since) {
        if (hostPrefix == null || hostPrefix.isEmpty() || since == null) throw new IllegalArgumentException("a non-empty host prefix and an instant are needed");
        String pattern = hostPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        java.util.TreeMap<String, HostRows> byHost = new java.util.TreeMap<>();
        for (WriteRouting.Shard shard : writes.shards()) {
            try (Connection c = shard.primary().getConnection(); java.sql.PreparedStatement st = c.prepareStatement(ROWS_BY_HOST)) {
                java.sql.Timestamp from = java.sql.Timestamp.from(since);
                for (int i = 0; i < 3; i++) {
                    st.setString(2 * i + 1, pattern);
                    st.setTimestamp(2 * i + 2, from);
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        HostRows r = new HostRows(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
                        byHost.merge(r.region() + "\u0000" + r.host(), r, (a, b) -> new HostRows(a.region(), a.host(), a.diskSamples() + b.diskSamples(),
                                a.hostMetrics() + b.hostMetrics(), a.predictions() + b.predictions()));
                    }
                }
            } catch (SQLException e) {
                throw new ReadUnavailableException("counting the rows of hosts " + hostPrefix + "* on shard " + shard.name() + " failed: " + e.getMessage(), e);
            }
        }
        return List.copyOf(byHost.values());
    }

    private static long count(WriteRouting.Shard shard, String table) {
        try (Connection c = shard.primary().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new ReadUnavailableException("counting " + table + " on shard " + shard.name() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A connection of every shard's reader validates within a second: a serving replica's, else the primary's.
     * A primary down behind a serving replica leaves the shard readable (its writes wait in Kafka).
     */
    @Override
    public boolean healthy() {
        for (DataSource reader : reads.readers().values()) {
            try (Connection c = reader.getConnection()) {
                if (!c.isValid(1)) return false;
            } catch (SQLException e) {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T read(String what, Query<T> query) {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new ReadUnavailableException(what + ": " + e.getMessage(), e);
        }
    }
}
