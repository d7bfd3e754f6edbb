package io.harbinger.store.query;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Reasons;
import io.harbinger.schema.read.BucketCounts;
import io.harbinger.schema.read.Cursor;
import io.harbinger.schema.read.DriveDetail;
import io.harbinger.schema.read.DriveRisk;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.schema.read.HostDetail;
import io.harbinger.schema.read.HostSummary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import static io.harbinger.store.query.StoreQueries.utc;

/**
 * The fleet queries of the read API on one shard's reader: a region at a time, each bounded in time so
 * PostgreSQL reads only the day partitions in range. "Current" is the {@link FleetReads#CURRENT_DAYS}
 * days up to the region's latest prediction (its {@code asOf}): a drive's latest prediction is its most
 * recent in that window.
 *
 * <ul>
 *   <li>{@link #regions}: the regions with a predictions partition (the catalog, not the rows).</li>
 *   <li>{@link #asOf}: a region's latest prediction instant: the greatest of one probe per bucket of
 *       the index {@code predictions_bucket (region, bucket, ts)} (V4), newest day partition first.</li>
 *   <li>{@link #atRisk}: the drives whose latest prediction is in the buckets asked, after a cursor, in
 *       the at-risk order. Candidates are the drives with a prediction in those buckets in the window
 *       (the bucket index: for bad and warning a small part of the fleet); each candidate's latest is
 *       one probe of the primary key, newest partition first.</li>
 *   <li>{@link #hosts}, {@link #regionCounts}, {@link #trend}: every drive's latest of the window
 *       ({@code DISTINCT ON} over the window's rows), grouped by host, by bucket and probability bin,
 *       by day.</li>
 * </ul>
 */
final class FleetQueries {
    static final Duration CURRENT = Duration.ofDays(FleetReads.CURRENT_DAYS);
    /** The at-risk order across regions and shards; the SQL sorts the same way. */
    /**
     * Names compare by code point, as PostgreSQL's {@code COLLATE "C"} compares UTF-8 bytes: the SQL sorts
     * and compares cursor keys with that collation, whatever the database's default, so that the pages of
     * every shard and the merge of them agree on one order.
     */
    static final Comparator<String> NAME_ORDER = FleetQueries::compareCodePoints;
    static final Comparator<DriveRisk> AT_RISK_ORDER = Comparator.comparingDouble(DriveRisk::probability).reversed()
            .thenComparing(DriveRisk::region, NAME_ORDER).thenComparing(DriveRisk::host, NAME_ORDER).thenComparing(DriveRisk::drive, NAME_ORDER);
    static final Comparator<HostSummary> HOST_ORDER = Comparator.comparing(HostSummary::region, NAME_ORDER).thenComparing(HostSummary::host, NAME_ORDER);
    /** Before every position: no probability is above 1. */
    private static final Cursor.AtRisk START = new Cursor.AtRisk(1, "", "", "");

    static final String REGIONS = """
            SELECT replace(substring(pg_get_expr(c.relpartbound, c.oid) FROM $re$^FOR VALUES IN \\('(.*)'\\)$$re$), '''''', '''')
              FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'predictions'::regclass""";

    /** Parameters: region four times. */
    static final String AS_OF = "SELECT greatest("
            + String.join(", ", java.util.Arrays.stream(Bucket.values())
            .map(b -> "(SELECT max(ts) FROM predictions WHERE region = ? AND bucket = '" + b.label() + "')").toList()) + ")";

    /** The latest prediction row of a drive in the window; columns region, drive, host, ts, model_version, probability, bucket, top_features, assessor, facts. */
    private static final String LATEST_OF_CANDIDATE = """
            SELECT p.region, p.drive, p.host, p.ts, p.model_version, p.probability, p.bucket, p.top_features, p.assessor, p.facts
              FROM predictions p
             WHERE p.region = c.region AND p.drive = c.drive AND p.host = c.host AND p.ts >= c.since
             ORDER BY p.ts DESC, p.model_version DESC LIMIT 1""";

    /**
     * Parameters: region, window start, buckets (text[]), buckets, probability, probability, region, host,
     * drive (the position after which), limit.
     */
    static final String AT_RISK = "SELECT l.region, l.drive, l.host, l.ts, l.model_version, l.probability, l.bucket, "
            + ScoredRows.TOP_FEATURES.replace("top_features", "l.top_features")
            + ", (SELECT d.model FROM disk_samples d WHERE d.region = l.region AND d.drive = l.drive AND d.host = l.host AND d.ts = l.ts), l.assessor, "
            + ScoredRows.FACTS.replace("(facts)", "(l.facts)")
            + " FROM (SELECT DISTINCT p.region, p.drive, p.host, ?::timestamptz AS since FROM predictions p"
            + "        WHERE p.region = ? AND p.ts >= ? AND p.bucket = ANY (?)) c"
            + " CROSS JOIN LATERAL (" + LATEST_OF_CANDIDATE + ") l"
            + " WHERE l.bucket = ANY (?) AND (l.probability < ? OR (l.probability = ?"
            + "   AND (l.region COLLATE \"C\", l.host COLLATE \"C\", l.drive COLLATE \"C\") > (?, ?, ?)))"
            + " ORDER BY l.probability DESC, l.host COLLATE \"C\", l.drive COLLATE \"C\" LIMIT ?";

    /**
     * Each drive's latest of the window. Parameters: region, window start. Ordered as the primary key read
     * backwards (drive, host, ts, model_version all descending), so each day partition's index yields its
     * rows in order and a merge of them needs no sort.
     */
    private static final String LATEST = """
            SELECT DISTINCT ON (drive, host) region, drive, host, ts, probability, bucket FROM predictions
             WHERE region = ? AND ts >= ? ORDER BY drive DESC, host DESC, ts DESC, model_version DESC""";

    /** Parameters: region, window start, region, host (the position after which), limit. */
    static final String HOSTS = "SELECT region, host, count(*), max(probability), max(ts),"
            + " max(CASE bucket WHEN 'bad' THEN 3 WHEN 'warning' THEN 2 WHEN 'unknown' THEN 1 ELSE 0 END)"
            + " FROM (" + LATEST + ") l WHERE (region COLLATE \"C\", host COLLATE \"C\") > (?, ?) GROUP BY region, host"
            + " ORDER BY host COLLATE \"C\" LIMIT ?";

    /** Parameters: region, window start. Rows: bucket, bin (1..BINS), drives. */
    static final String REGION_COUNTS = "SELECT bucket, least(width_bucket(probability, 0, 1, " + FleetSummary.BINS + "), "
            + FleetSummary.BINS + "), count(*) FROM (" + LATEST + ") l GROUP BY 1, 2";

    /**
     * Parameters: first day, last day (UTC midnights, as timestamps), region. Rows: day, bucket, drives (by
     * each drive's last prediction of the day). One day at a time (a lateral per day): each reads its day
     * partition alone and sorts a day's rows in memory, where one sort of all the days' rows spills to disk.
     */
    static final String TREND = """
            SELECT d.day::date, l.bucket, count(*)
              FROM generate_series(?::timestamp, ?::timestamp, interval '1 day') d(day)
             CROSS JOIN LATERAL (
                   SELECT DISTINCT ON (drive, host) bucket FROM predictions
                    WHERE region = ? AND ts >= d.day AT TIME ZONE 'UTC' AND ts < (d.day + interval '1 day') AT TIME ZONE 'UTC'
                    ORDER BY drive, host, ts DESC, model_version DESC) l
             GROUP BY 1, 2""";

    /** Parameters: region. Through the partial index alerts_open. */
    static final String OPEN_ALERTS = "SELECT count(*) FROM alerts WHERE region = ? AND state <> 'resolved'";

    private static final String SAMPLE_SMART = String.join(", ", SmartAttribute.ALL.stream().map(SmartAttribute::rawField).toList());

    /** Parameters: region, host. */
    static final String HOST_LAST_SAMPLE = "SELECT max(ts) FROM disk_samples WHERE region = ? AND host = ?";
    /** host_metrics has no index on time: newest day partition first (ordered append), stopping at the first row. */
    static final String HOST_LAST_METRIC = "SELECT ts FROM host_metrics WHERE region = ? AND host = ? ORDER BY ts DESC LIMIT 1";
    /** Parameters: region, host, since. */
    static final String HOST_DRIVES = """
            SELECT DISTINCT ON (drive) drive, model FROM disk_samples
             WHERE region = ? AND host = ? AND ts >= ? ORDER BY drive, ts DESC""";
    /** Parameters: region, host, since (exclusive), until (inclusive). */
    static final String HOST_METRICS = """
            SELECT measurement, ts,
                   ARRAY(SELECT key FROM jsonb_each_text(tags) ORDER BY key), ARRAY(SELECT value FROM jsonb_each_text(tags) ORDER BY key),
                   ARRAY(SELECT key FROM jsonb_each(fields) ORDER BY key), ARRAY(SELECT jsonb_typeof(value) FROM jsonb_each(fields) ORDER BY key),
                   ARRAY(SELECT value #>> '{}' FROM jsonb_each(fields) ORDER BY key)
              FROM (SELECT DISTINCT ON (measurement, tags) measurement, tags, ts, fields FROM host_metrics
                     WHERE region = ? AND host = ? AND ts > ? AND ts <= ? ORDER BY measurement, tags, ts DESC) m
             ORDER BY measurement, tags""";

    /** Parameters: region, drive, host, since. Of two model versions at one instant, the greater. */
    static final String DRIVE_LATEST = "SELECT region, drive, host, ts, model_version, probability, bucket, " + ScoredRows.TOP_FEATURES
            + ", (SELECT d.model FROM disk_samples d WHERE d.region = p.region AND d.drive = p.drive AND d.host = p.host AND d.ts = p.ts), "
            + ScoredRows.ASSESSOR_AND_FACTS
            + " FROM predictions p WHERE region = ? AND drive = ? AND host = ? AND ts >= ? ORDER BY ts DESC, model_version DESC LIMIT 1";
    /** Parameters: region, drive, host. */
    static final String DRIVE_LAST_SAMPLE = """
            SELECT ts, model FROM disk_samples WHERE region = ? AND drive = ? AND host = ? ORDER BY ts DESC LIMIT 1""";
    /** Parameters: region, drive, host, from, to. */
    static final String DRIVE_SMART = "SELECT ts, " + SAMPLE_SMART + ", temperature_c FROM disk_samples"
            + " WHERE region = ? AND drive = ? AND host = ? AND ts >= ? AND ts < ? ORDER BY ts";
    /** Parameters: region, drive, host, from, to. */
    static final String DRIVE_RISK = "SELECT ts, probability, bucket, model_version FROM predictions"
            + " WHERE region = ? AND drive = ? AND host = ? AND ts >= ? AND ts < ? ORDER BY ts, model_version";

    private FleetQueries() {
    }

    /** The shard's regions in {@link #NAME_ORDER}. */
    static List<String> regions(Connection c) throws SQLException {
        List<String> regions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(REGIONS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(1) != null) regions.add(rs.getString(1));
            }
        }
        regions.sort(NAME_ORDER);
        return regions;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) return Integer.compare(x, y);
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static Optional<Instant> asOf(Connection c, String region) throws SQLException {
        return single(c, AS_OF, rs -> instant(rs, 1), region, region, region, region);
    }

    /** A region's page of the at-risk order after {@code after}, at most {@code limit} drives. */
    static List<DriveRisk> atRisk(Connection c, String region, Instant asOf, List<Bucket> buckets, Optional<Cursor.AtRisk> after, int limit)
            throws SQLException {
        Cursor.AtRisk from = after.orElse(START);
        String[] labels = buckets.stream().map(Bucket::label).toArray(String[]::new);
        try (PreparedStatement s = c.prepareStatement(AT_RISK)) {
            Object since = utc(asOf.minus(CURRENT));
            Object[] parameters = {since, region, since, c.createArrayOf("text", labels), c.createArrayOf("text", labels),
                    from.probability(), from.probability(), from.region(), from.host(), from.drive(), limit};
            for (int i = 0; i < parameters.length; i++) s.setObject(i + 1, parameters[i]);
            if (after.isEmpty()) s.setDouble(6, 2); // before the highest probability: everything
            if (after.isEmpty()) s.setDouble(7, 2);
            List<DriveRisk> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) rows.add(risk(rs));
            }
            return rows;
        }
    }

    /** A region's hosts after {@code after} (region, host), at most {@code limit}. */
    static List<HostSummary> hosts(Connection c, String region, Instant asOf, Cursor.Host after, int limit) throws SQLException {
        return query(c, HOSTS, rs -> new HostSummary(rs.getString(1), rs.getString(2), rs.getLong(3),
                        worst(rs.getInt(6)), rs.getDouble(4), instant(rs, 5).orElseThrow()),
                region, utc(asOf.minus(CURRENT)), after.region(), after.host(), limit);
    }

    private static String worst(int severity) {
        return switch (severity) {
            case 3 -> Bucket.BAD.label();
            case 2 -> Bucket.WARNING.label();
            case 1 -> Bucket.UNKNOWN.label();
            default -> Bucket.GOOD.label();
        };
    }

    /** A region's current drives per bucket and its risk histogram's counts ({@code bins[i]}: bin i+1). */
    record Counts(BucketCounts buckets, long[] bins) {
    }

    static Counts regionCounts(Connection c, String region, Instant asOf) throws SQLException {
        long[] bins = new long[FleetSummary.BINS];
        BucketCounts buckets = BucketCounts.NONE;
        try (PreparedStatement s = c.prepareStatement(REGION_COUNTS)) {
            s.setString(1, region);
            s.setObject(2, utc(asOf.minus(CURRENT)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Optional<Bucket> bucket = Bucket.find(rs.getString(1));
                    long n = rs.getLong(3);
                    if (bucket.isPresent()) buckets = buckets.plus(bucket.get(), n);
                    bins[Math.max(1, rs.getInt(2)) - 1] += n;
                }
            }
        }
        return new Counts(buckets, bins);
    }

    /** Per day of {@code [first, last]}, oldest first, a region's drives per bucket (zeros on a day without predictions). */
    static List<FleetSummary.Day> trend(Connection c, String region, LocalDate first, LocalDate last) throws SQLException {
        Map<LocalDate, BucketCounts> days = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) days.put(d, BucketCounts.NONE);
        try (PreparedStatement s = c.prepareStatement(TREND)) {
            s.setObject(1, first.atStartOfDay());
            s.setObject(2, last.atStartOfDay());
            s.setString(3, region);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    Optional<Bucket> bucket = Bucket.find(rs.getString(2));
                    if (bucket.isPresent()) days.merge(day, BucketCounts.NONE.plus(bucket.get(), rs.getLong(3)), BucketCounts::plus);
                }
            }
        }
        return days.entrySet().stream().map(e -> new FleetSummary.Day(e.getKey(), e.getValue())).toList();
    }

    static long openAlerts(Connection c, String region) throws SQLException {
        return single(c, OPEN_ALERTS, rs -> Optional.of(rs.getLong(1)), region).orElse(0L);
    }

    static Optional<Instant> lastInstant(Connection c, String sql, String region, String host) throws SQLException {
        return single(c, sql, rs -> instant(rs, 1), region, host);
    }

    /** A drive of a host's latest sample, by drive: model. */
    record HostDrive(String drive, Optional<String> model) {
    }

    static List<HostDrive> hostDrives(Connection c, String region, String host, Instant since) throws SQLException {
        return query(c, HOST_DRIVES, rs -> new HostDrive(rs.getString(1), Optional.ofNullable(rs.getString(2))), region, host, utc(since));
    }

    static List<HostDetail.MetricPoint> hostMetrics(Connection c, String region, String host, Instant since, Instant until) throws SQLException {
        return query(c, HOST_METRICS, FleetQueries::metricPoint, region, host, utc(since), utc(until));
    }

    /** Tags as strings; fields as JSON typed them: a number as a double, a boolean, else the text. */
    private static HostDetail.MetricPoint metricPoint(ResultSet rs) throws SQLException {
        Object[] tagKeys = (Object[]) rs.getArray(3).getArray();
        Object[] tagValues = (Object[]) rs.getArray(4).getArray();
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < tagKeys.length; i++) tags.put((String) tagKeys[i], (String) tagValues[i]);
        Object[] keys = (Object[]) rs.getArray(5).getArray();
        Object[] types = (Object[]) rs.getArray(6).getArray();
        Object[] texts = (Object[]) rs.getArray(7).getArray();
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            String text = (String) texts[i];
            Object value = switch ((String) types[i]) {
                case "number" -> Double.valueOf(text);
                case "boolean" -> Boolean.valueOf(text);
                default -> text == null ? "" : text;
            };
            fields.put((String) keys[i], value);
        }
        return new HostDetail.MetricPoint(rs.getString(1), tags, instant(rs, 2).orElseThrow(), fields);
    }

    /** A drive's latest prediction since {@code since}, with reasons from its contributions. */
    static Optional<DriveRisk> driveLatest(Connection c, String region, String host, String drive, Instant since) throws SQLException {
        return single(c, DRIVE_LATEST, rs -> Optional.of(risk(rs)), region, drive, host, utc(since));
    }

    /** A drive's latest sample: when, and its drive model. */
    record LastSample(Instant ts, Optional<String> model) {
    }

    static Optional<LastSample> driveLastSample(Connection c, String region, String host, String drive) throws SQLException {
        return single(c, DRIVE_LAST_SAMPLE, rs -> Optional.of(new LastSample(instant(rs, 1).orElseThrow(), Optional.ofNullable(rs.getString(2)))),
                region, drive, host);
    }

    static List<DriveDetail.SmartPoint> driveSmart(Connection c, String region, String host, String drive, Instant from, Instant to)
            throws SQLException {
        return query(c, DRIVE_SMART, FleetQueries::smartPoint, region, drive, host, utc(from), utc(to));
    }

    static List<DriveDetail.RiskPoint> driveRisk(Connection c, String region, String host, String drive, Instant from, Instant to)
            throws SQLException {
        return query(c, DRIVE_RISK, rs -> new DriveDetail.RiskPoint(instant(rs, 1).orElseThrow(), rs.getDouble(2), rs.getString(3), rs.getString(4)),
                region, drive, host, utc(from), utc(to));
    }

    static Reasons.Reading reading(DriveDetail.SmartPoint p) {
        return new Reasons.Reading(p.ts(), p.attributes());
    }

    private static DriveDetail.SmartPoint smartPoint(ResultSet rs) throws SQLException {
        Map<Integer, Long> smart = new HashMap<>();
        for (SmartAttribute a : SmartAttribute.ALL) {
            long v = rs.getLong(2 + a.slot());
            if (!rs.wasNull()) smart.put(a.id(), v);
        }
        float t = rs.getFloat(2 + SmartAttribute.ALL.size());
        return new DriveDetail.SmartPoint(instant(rs, 1).orElseThrow(), smart, rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(t));
    }

    /**
     * Columns as {@link ScoredRows#prediction} (top features in 8..10), then the drive model (11), the assessor
     * (12) and the facts (13). The reasons: a model's facts and the contributions no fact tells, a rule's facts.
     */
    private static DriveRisk risk(ResultSet rs) throws SQLException {
        var top = ScoredRows.contributions(rs, 8);
        String assessor = rs.getString(12);
        List<String> facts = ScoredRows.facts(rs, 13);
        List<String> reasons = Assessor.MODEL.label().equals(assessor) ? Reasons.withFacts(top, facts) : facts;
        return new DriveRisk(rs.getString(1), rs.getString(3), rs.getString(2), Optional.ofNullable(rs.getString(11)), instant(rs, 4).orElseThrow(),
                rs.getDouble(6), rs.getString(7), rs.getString(5), reasons, top, assessor, facts);
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static <T> List<T> query(Connection c, String sql, StoreQueries.RowReader<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) s.setObject(i + 1, parameters[i]);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) rows.add(row.read(rs));
            }
            return rows;
        }
    }

    /** The first row's value, when there is a row and it is not empty. */
    private static <T> Optional<T> single(Connection c, String sql, StoreQueries.RowReader<Optional<T>> row, Object... parameters)
            throws SQLException {
        List<Optional<T>> rows = query(c, sql, row, parameters);
        return rows.isEmpty() ? Optional.empty() : rows.getFirst();
    }
}
