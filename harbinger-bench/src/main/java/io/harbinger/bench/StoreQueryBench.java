package io.harbinger.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.backblaze.BackblazeCsvParser;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.Granularity;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.PartitionedTable;
import io.harbinger.store.Partitions;
import io.harbinger.store.PostgresPool;
import io.harbinger.store.Schema;
import io.harbinger.store.TablePolicy;
import io.harbinger.store.query.StoreQueries;
import io.harbinger.store.rows.CopyEncoding;
import io.harbinger.store.rows.CopyFormat;
import io.harbinger.store.rows.DiskSampleRow;
import io.harbinger.store.rows.PointRows;
import io.harbinger.store.rows.Row;
import io.harbinger.store.shard.FanOut;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Query latency of {@link StoreQueries} on 30 days of real Backblaze data:
 * one drive's 30-day history, one region's latest state, the fleet-wide top-100 risk, each on the
 * partitioned tables and on an unpartitioned copy with the same indexes, same rows, same PostgreSQL.
 *
 * <p>Set-up: a {@link BundledPostgres} in a temp directory (deleted at the end), schema migrated,
 * partitions for the data's days created with a clock set to the day after the data (retention of
 * disk_samples raised to 400 days so nothing is dropped). The days {@code 2018-01-01..2018-01-30} of
 * {@code backblaze-st4000dm000-2018-h1} (about 32,000 drives a day, directory from system property
 * {@code harbinger.test.data}, default {@code ../shared/data}) are parsed with
 * {@link BackblazeCsvParser} (back-fill window), mapped with {@link PointRows} and loaded with binary
 * {@code COPY}. A drive's region is {@code r<floorMod(serial.hashCode(), 4)>}. <b>Predictions are
 * synthetic</b> (the query cost does not depend on what the model said): one per drive per day at 02:00, probability a
 * deterministic hash of (serial, day) raised to the 4th power (most drives low, a few high).
 *
 * <p>The unpartitioned copy lives in schema {@code flat} ({@code CREATE TABLE ... AS}, then the
 * same primary keys and indexes as the partitioned tables); both are {@code VACUUM ANALYZE}d. The
 * queries are the class's own, the copy is reached by {@code currentSchema=flat}. Each measured
 * iteration runs the query on both layouts with the same random parameters (fixed seed), after a
 * warm-up; p50/p99 are over the measured iterations.
 *
 * <p>Run (after {@code mvn -pl harbinger-bench -am package -DskipTests}):
 * {@code java -cp 'harbinger-bench/target/harbinger-bench.jar:harbinger-bench/target/lib/*' io.harbinger.bench.StoreQueryBench [iterations] [warmup]}
 */
public final class StoreQueryBench {
    private static final LocalDate FIRST_DAY = LocalDate.of(2018, 1, 1);
    private static final int DAYS = 30;
    private static final int REGIONS = 4;
    private static final Instant FROM = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant TO = FIRST_DAY.plusDays(DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final long SEED = 20180101L;

    private StoreQueryBench() {
    }

    /** The drives seen, by region (sorted, so the random picks are the same every run). */
    private record Fleet(Map<String, List<String>> drivesByRegion, long diskRows, long predictionRows, int rejected) {
    }

    private record Latency(String query, double p50Partitioned, double p99Partitioned, double p50Flat, double p99Flat, long rows) {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path data = Path.of(System.getProperty("harbinger.test.data", "../shared/data")).resolve("backblaze-st4000dm000-2018-h1");
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("no Backblaze data at " + data.toAbsolutePath()
                    + ": set -Dharbinger.test.data to the directory holding backblaze-st4000dm000-2018-h1");
        }
        Path dir = Files.createTempDirectory("harbinger-query-bench");
        System.out.printf("load average at start: %s%n", loadAverage());
        try (BundledPostgres postgres = BundledPostgres.start(dir.resolve("cluster"));
             HikariDataSource partitioned = PostgresPool.open(postgres.jdbcUrl(), BundledPostgres.USER, "", 4)) {
            Schema.migrate(partitioned);
            createPartitions(partitioned);
            long t0 = System.nanoTime();
            Fleet fleet = load(partitioned, data);
            long t1 = System.nanoTime();
            System.out.printf("loaded %,d disk_samples rows and %,d predictions (synthetic) for %,d drives in %d regions in %.1f s (%d CSV rows refused)%n",
                    fleet.diskRows(), fleet.predictionRows(), fleet.drivesByRegion().values().stream().mapToInt(List::size).sum(),
                    REGIONS, (t1 - t0) / 1e9, fleet.rejected());
            copyUnpartitioned(partitioned);
            long t2 = System.nanoTime();
            System.out.printf("unpartitioned copy (schema flat) built, indexed, both layouts VACUUM ANALYZEd in %.1f s%n", (t2 - t1) / 1e9);
            try (HikariDataSource flat = PostgresPool.open(postgres.jdbcUrl() + "?currentSchema=flat", BundledPostgres.USER, "", 4)) {
                printSizes(partitioned);
                List<Latency> results = measure(partitioned, flat, fleet, iterations, warmup);
                printTable(results, iterations, warmup);
            }
        } finally {
            deleteRecursively(dir);
            System.out.printf("load average at end: %s%n", loadAverage());
        }
    }

    private static void createPartitions(DataSource ds) {
        PartitionConfig config = PartitionConfig.defaults().with(PartitionedTable.DISK_SAMPLES, new TablePolicy(Granularity.DAY, 400));
        Partitions partitions = new Partitions(ds, config, Clock.fixed(TO, ZoneOffset.UTC));
        for (int r = 0; r < REGIONS; r++) {
            partitions.ensureRegion("r" + r);
            partitions.ensureCovering(PartitionedTable.DISK_SAMPLES, "r" + r, FROM, TO);
            partitions.ensureCovering(PartitionedTable.PREDICTIONS, "r" + r, FROM, TO);
        }
    }

    static String region(String serial) {
        return "r" + Math.floorMod(serial.hashCode(), REGIONS);
    }

    private static Fleet load(DataSource ds, Path data) throws IOException, SQLException {
        ParseContext ctx = new ParseContext("r0", "", TO.getEpochSecond() * 1_000_000_000L,
                TimeWindow.backfill(Duration.ofDays(1)), IngestLimits.DEFAULTS);
        Map<String, TreeSet<String>> drives = new TreeMap<>();
        long diskRows = 0;
        long predictionRows = 0;
        int rejected = 0;
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            byte[] csv = gunzip(data.resolve(day + ".csv.gz"));
            ParseResult result = BackblazeCsvParser.parse(csv, Optional.of(day), ctx);
            List<Point> points = switch (result) {
                case ParseResult.Accepted a -> a.points();
                case ParseResult.Rejected r -> r.validPoints();
            };
            rejected += result instanceof ParseResult.Rejected r ? (int) r.rejectedCount() : 0;
            List<DiskSampleRow> rows = points.stream().map(PointRows::of).map(StoreQueryBench::regioned).toList();
            rows.forEach(row -> drives.computeIfAbsent(row.region(), k -> new TreeSet<>()).add(row.drive()));
            diskRows += copy(ds, "disk_samples", CopyEncoding.copySql("disk_samples", PartitionedTable.DISK_SAMPLES, CopyFormat.BINARY),
                    CopyEncoding.encode(rows, CopyFormat.BINARY));
            predictionRows += copy(ds, "predictions", "COPY predictions (region, drive, ts, model_version, host, probability, bucket)"
                    + " FROM STDIN (FORMAT text)", predictions(rows, day));
        }
        Map<String, List<String>> byRegion = new TreeMap<>();
        drives.forEach((region, set) -> byRegion.put(region, List.copyOf(set)));
        return new Fleet(byRegion, diskRows, predictionRows, rejected);
    }

    private static DiskSampleRow regioned(Row row) {
        DiskSampleRow r = (DiskSampleRow) row;
        return new DiskSampleRow(region(r.drive()), r.host(), r.drive(), r.tsMicros(), r.model(), r.bigints(), r.present(),
                r.temperatureC(), r.hasTemperature(), r.failure(), r.otherJson());
    }

    /** One synthetic prediction per drive for {@code day}, at 02:00 UTC, as COPY text. */
    private static byte[] predictions(List<DiskSampleRow> rows, LocalDate day) {
        String ts = day + " 02:00:00+00";
        StringBuilder sb = new StringBuilder(rows.size() * 64);
        for (DiskSampleRow r : rows) {
            double p = syntheticProbability(r.drive(), day);
            String bucket = p >= 0.5 ? "high" : p >= 0.1 ? "medium" : "low";
            sb.append(r.region()).append('\t').append(r.drive()).append('\t').append(ts).append("\tsynthetic-0\t")
                    .append(r.host()).append('\t').append(p).append('\t').append(bucket).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Deterministic in (serial, day): a 64-bit mix to [0, 1), to the 4th power. Not a model. */
    static double syntheticProbability(String serial, LocalDate day) {
        long z = serial.hashCode() * 0x9E3779B97F4A7C15L + day.toEpochDay();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        double u = ((z ^ (z >>> 31)) >>> 11) * 0x1p-53;
        return u * u * u * u;
    }

    private static long copy(DataSource ds, String table, String sql, byte[] data) throws SQLException, IOException {
        try (Connection c = ds.getConnection(); InputStream in = new ByteArrayInputStream(data)) {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in);
        } catch (SQLException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    private static void copyUnpartitioned(DataSource ds) throws SQLException {
        execute(ds, "CREATE SCHEMA flat",
                "CREATE TABLE flat.disk_samples AS SELECT * FROM public.disk_samples",
                "ALTER TABLE flat.disk_samples ADD PRIMARY KEY (region, drive, ts)",
                "CREATE INDEX ON flat.disk_samples (region, host, ts)",
                "CREATE TABLE flat.predictions AS SELECT * FROM public.predictions",
                "ALTER TABLE flat.predictions ADD PRIMARY KEY (region, drive, ts, model_version)",
                "CREATE INDEX ON flat.predictions (region, probability DESC)",
                "VACUUM ANALYZE public.disk_samples", "VACUUM ANALYZE public.predictions",
                "VACUUM ANALYZE flat.disk_samples", "VACUUM ANALYZE flat.predictions");
    }

    private static void execute(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    private static void printSizes(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("""
                     SELECT 'partitioned disk_samples', pg_size_pretty(sum(pg_total_relation_size(relid))) FROM pg_partition_tree('public.disk_samples')
                     UNION ALL SELECT 'flat disk_samples', pg_size_pretty(pg_total_relation_size('flat.disk_samples'))
                     UNION ALL SELECT 'partitioned predictions', pg_size_pretty(sum(pg_total_relation_size(relid))) FROM pg_partition_tree('public.predictions')
                     UNION ALL SELECT 'flat predictions', pg_size_pretty(pg_total_relation_size('flat.predictions'))""")) {
            while (rs.next()) System.out.printf("size of %s (with indexes): %s%n", rs.getString(1), rs.getString(2));
        }
    }

    /** A query on one layout, with the iteration's random parameters; returns how many rows it read. */
    @FunctionalInterface
    private interface Query {
        int run(DataSource layout, Random parameters) throws SQLException;
    }

    private static List<Latency> measure(DataSource partitioned, DataSource flat, Fleet fleet, int iterations, int warmup) throws SQLException {
        List<String> regions = List.copyOf(fleet.drivesByRegion().keySet());
        Query history = (ds, rnd) -> {
            String region = regions.get(rnd.nextInt(regions.size()));
            List<String> drives = fleet.drivesByRegion().get(region);
            return StoreQueries.driveHistory(ds, region, drives.get(rnd.nextInt(drives.size())), FROM, TO).size();
        };
        Query latest = (ds, rnd) -> StoreQueries.regionLatest(ds, regions.get(rnd.nextInt(regions.size())), TO).size();
        Query topRisk = (ds, rnd) -> StoreQueries.topRisk(new FanOut(Map.of("shard-0", ds), Duration.ofSeconds(30)), 100, TO).size();
        return List.of(
                time("one drive's 30-day history", history, partitioned, flat, iterations, warmup),
                time("one region's latest state", latest, partitioned, flat, iterations, warmup),
                time("fleet-wide top-100 risk", topRisk, partitioned, flat, iterations, warmup));
    }

    /** Each iteration runs the query on both layouts with the same parameters (one seed, two equal streams). */
    private static Latency time(String name, Query query, DataSource partitioned, DataSource flat, int iterations, int warmup) throws SQLException {
        Random forPartitioned = new Random(SEED);
        Random forFlat = new Random(SEED);
        long[] p = new long[iterations];
        long[] f = new long[iterations];
        long rows = 0;
        for (int i = 0; i < warmup + iterations; i++) {
            long t0 = System.nanoTime();
            int n = query.run(partitioned, forPartitioned);
            long t1 = System.nanoTime();
            int m = query.run(flat, forFlat);
            long t2 = System.nanoTime();
            if (n != m) throw new IllegalStateException(name + ": the layouts disagree, " + n + " rows partitioned vs " + m + " unpartitioned");
            if (i >= warmup) {
                p[i - warmup] = t1 - t0;
                f[i - warmup] = t2 - t1;
                rows += n;
            }
        }
        return new Latency(name, percentile(p, 50), percentile(p, 99), percentile(f, 50), percentile(f, 99), rows / iterations);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] nanos, int pct) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static void printTable(List<Latency> results, int iterations, int warmup) {
        System.out.printf("%n%d measured iterations per query and layout after %d warm-up (p50/p99 in ms; ratio = unpartitioned / partitioned)%n%n",
                iterations, warmup);
        System.out.println("| query | rows returned | partitioned p50 | partitioned p99 | unpartitioned p50 | unpartitioned p99 | ratio p50 | ratio p99 |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Latency l : results) {
            System.out.printf("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2fx | %.2fx |%n", l.query(), l.rows(),
                    l.p50Partitioned(), l.p99Partitioned(), l.p50Flat(), l.p99Flat(),
                    l.p50Flat() / l.p50Partitioned(), l.p99Flat() / l.p99Partitioned());
        }
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
