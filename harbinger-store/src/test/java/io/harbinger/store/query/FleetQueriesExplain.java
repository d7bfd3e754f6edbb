package io.harbinger.store.query;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.read.AtRiskQuery;
import io.harbinger.schema.read.DriveQuery;
import io.harbinger.schema.read.HostsQuery;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.PartitionedTable;
import io.harbinger.store.Partitions;
import io.harbinger.store.PostgresPool;
import io.harbinger.store.Schema;
import io.harbinger.store.SinglePrimary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read API's fleet queries on a large synthetic fleet: prints each statement's plan summary
 * ({@code EXPLAIN (ANALYZE, BUFFERS)}: the nodes and indexes used, planning and execution time) and the
 * wall-clock median of 15 runs of each {@link StoreReads} call. A main, not a test (figures for the
 * report, not assertions); run with the store's test classpath as BENCHMARKS.md shows for
 * StoreLoaderBench.
 *
 * <p>Arguments: [drives per region (default 10000)] [days (default 30)]. Three regions; every drive
 * has a prediction and a disk sample per day; about 2 % of the latest predictions are bad and 3 %
 * warning; 10 drives per host; each host has two metric series sampled every 10 minutes on the last day.
 */
public final class FleetQueriesExplain {
    private static final Instant LAST = Instant.parse("2026-11-28T02:00:00Z");

    private FleetQueriesExplain() {
    }

    public static void main(String[] args) throws Exception {
        int drives = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("harbinger-explain");
        try (BundledPostgres pg = BundledPostgres.start(dir.resolve("pg"));
             HikariDataSource ds = PostgresPool.open(pg.jdbcUrl(), BundledPostgres.USER, "", 4)) {
            load(ds, drives, days);
            explainAll(ds);
            time(ds);
        }
    }

    private static void load(HikariDataSource ds, int drives, int days) throws Exception {
        long t0 = System.nanoTime();
        Schema.migrate(ds);
        Partitions partitions = new Partitions(ds, PartitionConfig.defaults(), Clock.fixed(LAST, ZoneOffset.UTC));
        Instant first = LAST.minusSeconds(86_400L * (days - 1));
        for (String r : List.of("eu", "us", "ap")) {
            partitions.ensureRegion(r);
            for (PartitionedTable t : PartitionedTable.values()) {
                partitions.ensureCovering(t, r, first.minusSeconds(86_400), LAST.plusSeconds(86_400 * 2));
            }
        }
        String series = "generate_series(timestamptz '" + first + "', timestamptz '" + LAST + "', interval '1 day') t";
        run(ds, "INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket, top_features)"
                + " SELECT r, 'drive-' || d, t, 'v1', 'host-' || (d / 10), p, CASE WHEN p >= 0.5 THEN 'bad' WHEN p >= 0.2 THEN 'warning' ELSE 'good' END,"
                + "   CASE WHEN p >= 0.2 THEN '[{\"feature\":\"smart_197_change_7d\",\"contribution\":1.9,\"value\":24}]'::jsonb ELSE '[]'::jsonb END"
                + " FROM unnest(ARRAY['eu','us','ap']) r, generate_series(1, " + drives + ") d, " + series + ","
                + " LATERAL (SELECT CASE WHEN t = timestamptz '" + LAST + "' AND d % 50 = 0 THEN 0.6 + (d % 7) / 20.0"
                + "   WHEN t = timestamptz '" + LAST + "' AND d % 33 = 0 THEN 0.25 ELSE (d % 100) / 1000.0 END AS p) x");
        run(ds, "INSERT INTO disk_samples (region, host, drive, ts, model, smart_5_raw, smart_9_raw, smart_187_raw, smart_194_raw, smart_197_raw, temperature_c)"
                + " SELECT r, 'host-' || (d / 10), 'drive-' || d, t, 'ST4000DM000', d % 7, 20000 + d, d % 3, 30 + d % 10, d % 5, 30 + d % 10"
                + " FROM unnest(ARRAY['eu','us','ap']) r, generate_series(1, " + drives + ") d, " + series);
        run(ds, "INSERT INTO host_metrics (region, host, measurement, tags, ts, fields)"
                + " SELECT r, 'host-' || h, m, jsonb_build_object('cpu', 'cpu-total'), t, jsonb_build_object('usage_user', h % 100)"
                + " FROM unnest(ARRAY['eu','us','ap']) r, generate_series(0, " + (drives / 10) + ") h, unnest(ARRAY['cpu','mem']) m,"
                + " generate_series(timestamptz '" + LAST.minusSeconds(86_400) + "', timestamptz '" + LAST + "', interval '10 minutes') t");
        run(ds, "INSERT INTO alerts (region, drive, raised_at, host, model_version, probability, bucket)"
                + " SELECT r, 'drive-' || d, timestamptz '" + LAST + "', 'host-' || (d / 10), 'v1', 0.6, 'bad'"
                + " FROM unnest(ARRAY['eu','us','ap']) r, generate_series(50, " + drives + ", 50) d");
        run(ds, "VACUUM ANALYZE");
        System.out.printf("loaded %d predictions, %d disk samples, %d metric points in %.1f s%n",
                count(ds, "predictions"), count(ds, "disk_samples"), count(ds, "host_metrics"), (System.nanoTime() - t0) / 1e9);
    }

    private static void explainAll(HikariDataSource ds) throws Exception {
        Object since = StoreQueries.utc(LAST.minus(FleetQueries.CURRENT));
        try (Connection c = ds.getConnection()) {
            Object bw = c.createArrayOf("text", new String[] {"warning", "bad"});
            explain(c, "trend 14 days", FleetQueries.TREND, java.time.LocalDateTime.parse("2026-11-15T00:00:00"),
                    java.time.LocalDateTime.parse("2026-11-28T00:00:00"), "eu");
            explain(c, "region asOf", FleetQueries.AS_OF, "eu", "eu", "eu", "eu");
            explain(c, "at-risk page (bad,warning)", FleetQueries.AT_RISK, since, "eu", since, bw, bw, 2.0, 2.0, "", "", "", 101);
            Object good = c.createArrayOf("text", new String[] {"good"});
            explain(c, "at-risk page (good)", FleetQueries.AT_RISK, since, "eu", since, good, good, 2.0, 2.0, "", "", "", 101);
            explain(c, "hosts page", FleetQueries.HOSTS, "eu", since, "", "", 101);
            explain(c, "region counts + histogram", FleetQueries.REGION_COUNTS, "eu", since);
            explain(c, "open alerts", FleetQueries.OPEN_ALERTS, "eu");
            explain(c, "host last sample", FleetQueries.HOST_LAST_SAMPLE, "eu", "host-42");
            explain(c, "host last metric", FleetQueries.HOST_LAST_METRIC, "eu", "host-42");
            explain(c, "host drives", FleetQueries.HOST_DRIVES, "eu", "host-42", since);
            explain(c, "host metrics", FleetQueries.HOST_METRICS, "eu", "host-42", StoreQueries.utc(LAST.minusSeconds(86_400)), StoreQueries.utc(LAST));
            explain(c, "drive latest", FleetQueries.DRIVE_LATEST, "eu", "drive-420", "host-42", StoreQueries.utc(LAST.minusSeconds(86_400L * 400)));
            explain(c, "drive last sample", FleetQueries.DRIVE_LAST_SAMPLE, "eu", "drive-420", "host-42");
            explain(c, "drive smart 30 days", FleetQueries.DRIVE_SMART, "eu", "drive-420", "host-42",
                    StoreQueries.utc(LAST.minusSeconds(86_400L * 30)), StoreQueries.utc(LAST.plusSeconds(86_400)));
            explain(c, "regions (catalog)", FleetQueries.REGIONS);
        }
    }

    private static void explain(Connection c, String what, String sql, Object... parameters) throws Exception {
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            for (int i = 0; i < parameters.length; i++) s.setObject(i + 1, parameters[i]);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) lines.add(rs.getString(1));
            }
            System.out.println("== " + what);
            lines.stream().filter(l -> !l.contains("Time:") && !l.contains("Buffers:")).limit(8).forEach(l -> System.out.println("   " + l.strip()));
            lines.stream().filter(l -> l.contains("Time:") || l.startsWith("  Buffers:") || l.startsWith("Buffers:"))
                    .forEach(l -> System.out.println("   " + l.strip()));
        }
    }

    private static void time(HikariDataSource ds) {
        StoreReads reads = new StoreReads(new SinglePrimary(ds), new SinglePrimary(ds));
        median("summary(14)", () -> reads.summary(14));
        median("atRisk fleet-wide, limit 100", () -> reads.atRisk(new AtRiskQuery(Optional.empty(), AtRiskQuery.DEFAULT_BUCKETS, 100, Optional.empty())));
        var firstPage = reads.atRisk(new AtRiskQuery(Optional.empty(), AtRiskQuery.DEFAULT_BUCKETS, 100, Optional.empty()));
        median("atRisk fleet-wide, limit 100, 2nd page", () -> reads.atRisk(new AtRiskQuery(Optional.empty(), AtRiskQuery.DEFAULT_BUCKETS, 100,
                firstPage.next().map(io.harbinger.schema.read.Cursor.AtRisk.class::cast))));
        median("atRisk eu, good, limit 100", () -> reads.atRisk(new AtRiskQuery(Optional.of("eu"), EnumSet.of(Bucket.GOOD), 100, Optional.empty())));
        median("hosts fleet-wide, limit 100", () -> reads.hosts(new HostsQuery(Optional.empty(), 100, Optional.empty())));
        median("host detail", () -> reads.host("eu", "host-42"));
        median("drive detail (30 days)", () -> reads.drive(new DriveQuery("eu", "host-42", "drive-420", Optional.empty(), Optional.empty())));
    }

    private static void median(String what, Supplier<Object> call) {
        call.get();
        long[] nanos = new long[15];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-45s median %7.1f ms  (min %.1f, max %.1f)%n", what, nanos[7] / 1e6, nanos[0] / 1e6, nanos[14] / 1e6);
    }

    private static void run(HikariDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(HikariDataSource ds, String table) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
