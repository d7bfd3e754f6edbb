package io.harbinger.store.query;

import io.harbinger.schema.read.DriveSample;
import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.store.shard.FanOut;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The read queries of the store, plain JDBC on a shard's reader. Every query bounds time and, but
 * for the fleet-wide one, names the region, so PostgreSQL prunes to that region's partitions in range
 * (QueryPlanIT explains these very statements). Time ranges are half-open, {@code [from, to)}.
 *
 * <ul>
 *   <li>{@link #driveHistory}: one drive's rows in {@code [from, to)}, oldest first, through the
 *       primary key {@code (region, drive, ts)} of each day partition in range.</li>
 *   <li>{@link #regionLatest}: each drive's latest row of a region in the day before {@code asOf},
 *       {@code [asOf - 1 day, asOf)}: one daily partition when {@code asOf} is a midnight (UTC), two
 *       otherwise. A drive silent for a whole day is not in the region's latest state.</li>
 *   <li>{@link #topRisk}: the fleet's {@code n} riskiest drives by their predictions of
 *       {@code [asOf - 1 day, asOf)} (scoring is daily, so these are the latest), each drive once with
 *       its highest probability of that day, highest first (ties: region, drive). Every shard finds
 *       its regions in that day, reads each region's day through the risk index
 *       {@code (region, probability DESC)} and stops after {@code n}; the shards' answers are merged
 *       by {@link FanOut#top}.</li>
 *   <li>{@link #drivePredictions}: one drive's predictions in {@code [from, to)}, oldest first, and
 *       {@link #latestPrediction}: its latest of {@code [asOf - 1 day, asOf)}; both through the primary
 *       key {@code (region, drive, host, ts, model_version)}.</li>
 *   <li>{@link #alerts}: a region's alerts raised in {@code [from, to)}, newest first (ties: drive, host);
 *       {@link #openAlerts}: those not resolved (open or acknowledged), through the partial index
 *       {@code alerts_open}. Alerts are partitioned by month: a range inside one month reads one partition.</li>
 * </ul>
 * Like the sample queries, the region queries take the reader of the region's shard
 * ({@link io.harbinger.store.shard.Shards#readerFor}: a serving replica, else the primary).
 * SQL failures surface as {@link java.sql.SQLException} from the single-shard queries (the caller
 * classifies them) and as {@link io.harbinger.store.shard.FanOutException} from the fan-out.
 */
public final class StoreQueries {
    static final Duration DAY = Duration.ofDays(1);
    private static final String SAMPLE_COLUMNS = "region, drive, host, ts, model, "
            + String.join(", ", SmartAttribute.ALL.stream().map(SmartAttribute::rawField).toList())
            + ", temperature_c, failure";

    /** Parameters: region, drive, from, to. */
    static final String DRIVE_HISTORY = "SELECT " + SAMPLE_COLUMNS + " FROM disk_samples"
            + " WHERE region = ? AND drive = ? AND ts >= ? AND ts < ? ORDER BY ts";

    /** Parameters: region, asOf - 1 day, asOf. */
    static final String REGION_LATEST = "SELECT DISTINCT ON (drive) " + SAMPLE_COLUMNS + " FROM disk_samples"
            + " WHERE region = ? AND ts >= ? AND ts < ? ORDER BY drive, ts DESC";

    /**
     * The regions that have predictions in a time range, by a loose index scan (one index probe per
     * region instead of reading the rows). Parameters: from, to, from, to.
     */
    static final String RISK_REGIONS = """
            WITH RECURSIVE regions AS (
                SELECT min(region) AS region FROM predictions WHERE ts >= ? AND ts < ?
                UNION ALL
                SELECT (SELECT min(p.region) FROM predictions p WHERE p.region > regions.region AND p.ts >= ? AND p.ts < ?)
                  FROM regions WHERE regions.region IS NOT NULL)
            SELECT region FROM regions WHERE region IS NOT NULL""";

    /** Parameters: region, asOf - 1 day, asOf, limit. */
    static final String REGION_TOP_RISK = "SELECT " + ScoredRows.PREDICTION_COLUMNS + " FROM predictions"
            + " WHERE region = ? AND ts >= ? AND ts < ? ORDER BY probability DESC LIMIT ?";

    /** Parameters: region, drive, host, from, to. */
    static final String DRIVE_PREDICTIONS = "SELECT " + ScoredRows.PREDICTION_COLUMNS + " FROM predictions"
            + " WHERE region = ? AND drive = ? AND host = ? AND ts >= ? AND ts < ? ORDER BY ts, model_version";

    /** Parameters: region, drive, host, asOf - 1 day, asOf. Of two model versions at one instant, the greater. */
    static final String LATEST_PREDICTION = "SELECT " + ScoredRows.PREDICTION_COLUMNS + " FROM predictions"
            + " WHERE region = ? AND drive = ? AND host = ? AND ts >= ? AND ts < ? ORDER BY ts DESC, model_version DESC LIMIT 1";

    /** Parameters: region, from, to. */
    static final String ALERTS = "SELECT " + ScoredRows.ALERT_COLUMNS + " FROM alerts"
            + " WHERE region = ? AND raised_at >= ? AND raised_at < ? ORDER BY raised_at DESC, drive, host";

    /** Parameters: region, from, to. The predicate is the one of the partial index alerts_open. */
    static final String OPEN_ALERTS = "SELECT " + ScoredRows.ALERT_COLUMNS + " FROM alerts"
            + " WHERE region = ? AND raised_at >= ? AND raised_at < ? AND state <> 'resolved' ORDER BY raised_at DESC, drive, host";

    static final Comparator<RiskPrediction> RISK_ORDER = Comparator.comparingDouble(RiskPrediction::probability).reversed()
            .thenComparing(RiskPrediction::region).thenComparing(RiskPrediction::drive);

    private StoreQueries() {
    }

    /** {@code drive}'s rows of {@code region} with {@code from <= ts < to}, oldest first. */
    public static List<DriveSample> driveHistory(DataSource reader, String region, String drive, Instant from, Instant to)
            throws SQLException {
        requireRange(from, to);
        try (Connection c = reader.getConnection(); PreparedStatement s = c.prepareStatement(DRIVE_HISTORY)) {
            s.setString(1, region);
            s.setString(2, drive);
            s.setObject(3, utc(from));
            s.setObject(4, utc(to));
            return samples(s);
        }
    }

    /** The latest row of every drive of {@code region} with {@code asOf - 1 day <= ts < asOf}, by drive. */
    public static List<DriveSample> regionLatest(DataSource reader, String region, Instant asOf) throws SQLException {
        try (Connection c = reader.getConnection(); PreparedStatement s = c.prepareStatement(REGION_LATEST)) {
            s.setString(1, region);
            s.setObject(2, utc(asOf.minus(DAY)));
            s.setObject(3, utc(asOf));
            return samples(s);
        }
    }

    /** {@code drive}'s predictions (drive on {@code host} of {@code region}) with {@code from <= ts < to}, oldest first. */
    public static List<DrivePrediction> drivePredictions(DataSource reader, String region, String host, String drive, Instant from, Instant to)
            throws SQLException {
        requireRange(from, to);
        return query(reader, DRIVE_PREDICTIONS, ScoredRows::prediction, region, drive, host, utc(from), utc(to));
    }

    /** {@code drive}'s latest prediction with {@code asOf - 1 day <= ts < asOf}; empty when it was not scored that day. */
    public static Optional<DrivePrediction> latestPrediction(DataSource reader, String region, String host, String drive, Instant asOf)
            throws SQLException {
        return query(reader, LATEST_PREDICTION, ScoredRows::prediction, region, drive, host, utc(asOf.minus(DAY)), utc(asOf))
                .stream().findFirst();
    }

    /** {@code region}'s alerts raised in {@code [from, to)}, newest first, whatever their state. */
    public static List<DriveAlert> alerts(DataSource reader, String region, Instant from, Instant to) throws SQLException {
        requireRange(from, to);
        return query(reader, ALERTS, ScoredRows::alert, region, utc(from), utc(to));
    }

    /** {@code region}'s alerts raised in {@code [from, to)} and not resolved (open or acknowledged), newest first. */
    public static List<DriveAlert> openAlerts(DataSource reader, String region, Instant from, Instant to) throws SQLException {
        requireRange(from, to);
        return query(reader, OPEN_ALERTS, ScoredRows::alert, region, utc(from), utc(to));
    }

    /** Reads a result row; may throw SQLException. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(DataSource reader, String sql, RowReader<T> row, Object... parameters) throws SQLException {
        try (Connection c = reader.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) s.setObject(i + 1, parameters[i]);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) rows.add(row.read(rs));
            }
            return rows;
        }
    }

    /** The fleet's {@code n} riskiest drives of the day before {@code asOf}, over every shard of {@code shards}. */
    public static List<RiskPrediction> topRisk(FanOut shards, int n, Instant asOf) {
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, was " + n);
        return shards.top(n, RISK_ORDER, (shard, reader) -> shardTopRisk(reader, n, asOf));
    }

    /** One shard's part of {@link #topRisk}: its {@code n} riskiest drives, highest first. */
    static List<RiskPrediction> shardTopRisk(DataSource reader, int n, Instant asOf) throws SQLException {
        try (Connection c = reader.getConnection()) {
            List<RiskPrediction> all = new ArrayList<>();
            for (String region : riskRegions(c, asOf)) {
                all.addAll(regionTopRisk(c, region, n, asOf));
            }
            return all.stream().sorted(RISK_ORDER).limit(n).toList();
        }
    }

    static List<String> riskRegions(Connection c, Instant asOf) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RISK_REGIONS)) {
            for (int i = 0; i < 4; i += 2) {
                s.setObject(i + 1, utc(asOf.minus(DAY)));
                s.setObject(i + 2, utc(asOf));
            }
            List<String> regions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) regions.add(rs.getString(1));
            }
            return regions;
        }
    }

    /**
     * A region's {@code n} riskiest drives of the day, each once. Reads {@code n} rows from the risk
     * index; only when a drive was scored more than once that day and its repeats crowd the first rows
     * does it read again, four times as many.
     */
    static List<RiskPrediction> regionTopRisk(Connection c, String region, int n, Instant asOf) throws SQLException {
        for (long limit = n; ; limit *= 4) {
            List<RiskPrediction> rows = regionTopRows(c, region, limit, asOf);
            List<RiskPrediction> perDrive = highestPerDrive(rows);
            if (perDrive.size() >= n || rows.size() < limit) {
                return perDrive.stream().limit(n).toList();
            }
        }
    }

    private static List<RiskPrediction> regionTopRows(Connection c, String region, long limit, Instant asOf) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REGION_TOP_RISK)) {
            s.setString(1, region);
            s.setObject(2, utc(asOf.minus(DAY)));
            s.setObject(3, utc(asOf));
            s.setLong(4, limit);
            List<RiskPrediction> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DrivePrediction p = ScoredRows.prediction(rs);
                    rows.add(new RiskPrediction(p.region(), p.drive(), p.host(), p.ts(), p.modelVersion(), p.probability(), p.bucket(), p.topFeatures(),
                            p.assessor(), p.facts()));
                }
            }
            return rows;
        }
    }

    /** Rows in probability order, a drive's first (highest) row kept, the order kept. Pure. */
    static List<RiskPrediction> highestPerDrive(List<RiskPrediction> byProbability) {
        Map<String, RiskPrediction> first = new LinkedHashMap<>();
        for (RiskPrediction p : byProbability) first.putIfAbsent(p.drive(), p);
        return List.copyOf(first.values());
    }

    private static List<DriveSample> samples(PreparedStatement s) throws SQLException {
        List<DriveSample> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) rows.add(sample(rs));
        }
        return rows;
    }

    private static DriveSample sample(ResultSet rs) throws SQLException {
        Map<Integer, Long> smart = new HashMap<>();
        for (SmartAttribute a : SmartAttribute.ALL) {
            long v = rs.getLong(6 + a.slot());
            if (!rs.wasNull()) smart.put(a.id(), v);
        }
        int next = 6 + SmartAttribute.ALL.size();
        float temperature = rs.getFloat(next);
        OptionalDouble temperatureC = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(temperature);
        return new DriveSample(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                Optional.ofNullable(rs.getString(5)), smart, temperatureC, rs.getBoolean(next + 1));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void requireRange(Instant from, Instant to) {
        if (!from.isBefore(to)) throw new IllegalArgumentException("from must be before to, was [" + from + ", " + to + ")");
    }
}
