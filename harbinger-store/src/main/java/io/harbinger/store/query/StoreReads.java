package io.harbinger.store.query;

import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.ReadUnavailableException;
import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.read.StoredRows;
import io.harbinger.store.ReadRouting;
import io.harbinger.store.WriteRouting;
import io.harbinger.store.shard.FanOut;
import io.harbinger.store.shard.FanOutException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link FleetReads} on PostgreSQL: {@link StoreQueries} on the reader {@link ReadRouting} gives for a
 * region, fleet-wide queries fanned out over every shard's reader, counts and health on the primaries.
 * SQL failures become {@link ReadUnavailableException}.
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
    public StoredRows storedRows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : COUNTED) {
            long total = 0;
            for (WriteRouting.Shard shard : writes.shards()) total += count(shard, table);
            counts.put(table, total);
        }
        return new StoredRows(counts);
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

    /** A pooled connection of every primary validates within a second. */
    @Override
    public boolean healthy() {
        for (WriteRouting.Shard shard : writes.shards()) {
            try (Connection c = shard.primary().getConnection()) {
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
