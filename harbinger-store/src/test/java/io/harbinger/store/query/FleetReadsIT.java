package io.harbinger.store.query;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.read.AtRiskQuery;
import io.harbinger.schema.read.BucketCounts;
import io.harbinger.schema.read.Cursor;
import io.harbinger.schema.read.DriveDetail;
import io.harbinger.schema.read.DriveQuery;
import io.harbinger.schema.read.DriveRisk;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.schema.read.HostDetail;
import io.harbinger.schema.read.HostSummary;
import io.harbinger.schema.read.HostsQuery;
import io.harbinger.schema.read.Page;
import io.harbinger.store.LoaderTestAccess;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.PartitionedTable;
import io.harbinger.store.Partitions;
import io.harbinger.store.ReadRouting;
import io.harbinger.store.Schema;
import io.harbinger.store.SharedPostgres;
import io.harbinger.store.WriteRouting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API's fleet queries over two shards (two schemas of the shared server): eu on shard a, us on
 * shard b. eu's latest prediction is on the 28th, us's on the 27th.
 * <ul>
 *   <li>eu/h1: d1 good for days, bad (0.9) on the 28th, its pending sectors 0, 0, 0, 6, 24 on the 24th..28th; d2 good.</li>
 *   <li>eu/h2: d3 warning (0.5); d4 bad on the 25th but good since (latest good: not at risk).</li>
 *   <li>eu/h3: d5 bad on the 15th only: silent for more than 7 days before eu's latest, no longer current.</li>
 *   <li>us/h9: u1 bad (0.9, ties d1: region orders), u2 warning (0.6), u3 good.</li>
 * </ul>
 */
@ExtendWith(SharedPostgres.class)
class FleetReadsIT {
    private static final Instant NOON_28 = Instant.parse("2026-11-28T12:00:00Z");
    private static final String TOP = "'[{\"feature\":\"smart_197_change_7d\",\"contribution\":1.9,\"value\":24},"
            + "{\"feature\":\"smart_197_raw\",\"contribution\":0.4,\"value\":24},{\"feature\":\"temperature\",\"contribution\":-0.1}]'";

    private static HikariDataSource a;
    private static HikariDataSource b;
    private static HikariDataSource c;
    private static StoreReads reads;

    @BeforeAll
    static void load(BundledPostgres postgres) throws SQLException {
        a = shard(postgres, "eu");
        b = shard(postgres, "us");
        c = shard(postgres, "zz");
        run(a, """
                INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket) VALUES
                  ('eu', 'd1', '2026-11-24 02:00+00', 'v1', 'h1', 0.01, 'good'),
                  ('eu', 'd1', '2026-11-25 02:00+00', 'v1', 'h1', 0.01, 'good'),
                  ('eu', 'd1', '2026-11-26 02:00+00', 'v1', 'h1', 0.02, 'good'),
                  ('eu', 'd1', '2026-11-27 02:00+00', 'v1', 'h1', 0.3, 'warning'),
                  ('eu', 'd2', '2026-11-27 02:00+00', 'v1', 'h1', 0.01, 'good'),
                  ('eu', 'd2', '2026-11-28 02:00+00', 'v1', 'h1', 0.02, 'good'),
                  ('eu', 'd3', '2026-11-28 03:00+00', 'v1', 'h2', 0.5, 'warning'),
                  ('eu', 'd4', '2026-11-25 03:00+00', 'v1', 'h2', 0.8, 'bad'),
                  ('eu', 'd4', '2026-11-28 03:00+00', 'v1', 'h2', 0.04, 'good'),
                  ('eu', 'd5', '2026-11-15 03:00+00', 'v1', 'h3', 0.95, 'bad')""");
        run(a, "INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket, top_features)"
                + " VALUES ('eu', 'd1', '2026-11-28 02:00+00', 'v1', 'h1', 0.9, 'bad', " + TOP + ")");
        run(a, """
                INSERT INTO disk_samples (region, host, drive, ts, model, smart_5_raw, smart_197_raw, temperature_c) VALUES
                  ('eu', 'h1', 'd1', '2026-11-24 02:00+00', 'ST4000DM000', 8, 0, 31),
                  ('eu', 'h1', 'd1', '2026-11-25 02:00+00', 'ST4000DM000', 8, 0, 31),
                  ('eu', 'h1', 'd1', '2026-11-26 02:00+00', 'ST4000DM000', 8, 0, 32),
                  ('eu', 'h1', 'd1', '2026-11-27 02:00+00', 'ST4000DM000', 8, 6, 33),
                  ('eu', 'h1', 'd1', '2026-11-28 02:00+00', 'ST4000DM000', 8, 24, 35),
                  ('eu', 'h1', 'd2', '2026-11-28 02:00+00', 'WDC', 0, 0, NULL),
                  ('eu', 'h1', 'd0', '2026-11-10 02:00+00', 'OLD', 0, 0, NULL)""");
        run(a, """
                INSERT INTO host_metrics (region, host, measurement, tags, ts, fields) VALUES
                  ('eu', 'h1', 'cpu', '{"cpu": "cpu-total"}', '2026-11-28 01:00+00', '{"usage_user": 10.0}'),
                  ('eu', 'h1', 'cpu', '{"cpu": "cpu-total"}', '2026-11-28 02:00+00', '{"usage_user": 12.5}'),
                  ('eu', 'h1', 'cpu', '{"cpu": "cpu0"}', '2026-11-28 02:00+00', '{"usage_user": 3}'),
                  ('eu', 'h1', 'mem', '{}', '2026-11-28 02:00+00', '{"used_percent": 40.5, "swapping": false, "note": "ok"}'),
                  ('eu', 'h1', 'disk', '{}', '2026-11-26 02:00+00', '{"used": 1}')""");
        run(a, """
                INSERT INTO alerts (region, drive, raised_at, host, state, model_version, probability, bucket) VALUES
                  ('eu', 'd1', '2026-11-28 02:00+00', 'h1', 'open', 'v1', 0.9, 'bad'),
                  ('eu', 'd4', '2026-11-25 03:00+00', 'h2', 'resolved', 'v1', 0.8, 'bad')""");
        run(c, """
                INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket) VALUES
                  ('zz', 'd', '2026-11-28 01:00+00', 'v1', 'hx', 0.01, 'warning'),
                  ('zz', 'd', '2026-11-28 01:00+00', 'v1', 'h_x', 0.01, 'warning'),
                  ('zz', 'd', '2026-11-28 01:00+00', 'v1', 'Hx', 0.01, 'warning'),
                  ('zz', 'd', '2026-11-28 01:00+00', 'v1', 'h-x', 0.01, 'warning'),
                  ('zz', 'D', '2026-11-28 01:00+00', 'v1', 'h-x', 0.01, 'warning')""");
        run(b, """
                INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket) VALUES
                  ('us', 'u1', '2026-11-27 05:00+00', 'v1', 'h9', 0.9, 'bad'),
                  ('us', 'u2', '2026-11-27 05:00+00', 'v1', 'h9', 0.6, 'warning'),
                  ('us', 'u3', '2026-11-27 05:00+00', 'v1', 'h9', 0.1, 'good')""");
        run(b, "INSERT INTO alerts (region, drive, raised_at, host, state, model_version, probability, bucket)"
                + " VALUES ('us', 'u1', '2026-11-27 05:00+00', 'h9', 'acknowledged', 'v1', 0.9, 'bad')");
        reads = new StoreReads(new ReadRouting() {
            @Override
            public DataSource readerFor(String region) {
                return region.equals("us") ? b : a;
            }

            @Override
            public Map<String, DataSource> readers() {
                return Map.of("a", a, "b", b);
            }
        }, new WriteRouting() {
            @Override
            public Shard shardFor(String region) {
                return new Shard(region.equals("us") ? "b" : "a", region.equals("us") ? b : a);
            }

            @Override
            public List<Shard> shards() {
                return List.of(new Shard("a", a), new Shard("b", b));
            }
        });
    }

    private static HikariDataSource shard(BundledPostgres postgres, String... regions) {
        HikariDataSource ds = LoaderTestAccess.freshSchema(postgres);
        Schema.migrate(ds);
        Partitions partitions = new Partitions(ds, PartitionConfig.defaults(), Clock.fixed(NOON_28, ZoneOffset.UTC));
        for (String region : regions) {
            partitions.ensureRegion(region);
            for (PartitionedTable t : PartitionedTable.values()) {
                partitions.ensureCovering(t, region, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
            }
        }
        return ds;
    }

    private static void run(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @AfterAll
    static void close() {
        a.close();
        b.close();
        c.close();
    }

    private static AtRiskQuery atRisk(Optional<String> region, int limit, Optional<Cursor.AtRisk> after) {
        return new AtRiskQuery(region, AtRiskQuery.DEFAULT_BUCKETS, limit, after);
    }

    /** Every item of a paged list, page after page, each page's cursor through its text form as a client passes it. */
    private static <T, C extends Cursor> List<T> everyPage(Function<Optional<C>, Page<T>> read, Class<C> kind) {
        List<T> all = new ArrayList<>();
        Optional<C> after = Optional.empty();
        for (int pages = 0; pages < 100; pages++) {
            Page<T> page = read.apply(after);
            all.addAll(page.items());
            if (page.next().isEmpty()) return all;
            after = Optional.of(Cursor.decode(page.next().get().encode(), kind).orElseThrow());
        }
        throw new AssertionError("more than 100 pages");
    }

    @Test
    void storedRowsByHost_countsEachTableSinceTheInstant_perHostOfThePrefix_overEveryShard() {
        assertThat(reads.storedRowsByHost("h", Instant.parse("2026-11-20T00:00:00Z"))).containsExactly(
                new io.harbinger.schema.read.HostRows("eu", "h1", 6, 5, 7),
                new io.harbinger.schema.read.HostRows("eu", "h2", 0, 0, 3),
                new io.harbinger.schema.read.HostRows("us", "h9", 0, 0, 3));
        assertThat(reads.storedRowsByHost("h1", Instant.parse("2026-11-28T01:30:00Z")))
                .containsExactly(new io.harbinger.schema.read.HostRows("eu", "h1", 2, 3, 2));
        assertThat(reads.storedRowsByHost("h", Instant.parse("2026-12-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void storedRowsByHost_takesThePrefixLiterally_notAsAPattern() {
        StoreReads zz = new StoreReads(new io.harbinger.store.SinglePrimary(c), new io.harbinger.store.SinglePrimary(c));
        Instant since = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(zz.storedRowsByHost("h_", since)).extracting(io.harbinger.schema.read.HostRows::host).containsExactly("h_x");
        assertThat(zz.storedRowsByHost("h-", since)).singleElement().satisfies(r -> assertThat(r.predictions()).isEqualTo(2));
        assertThat(zz.storedRowsByHost("%", since)).isEmpty();
        assertThat(zz.storedRowsByHost("H", since)).extracting(io.harbinger.schema.read.HostRows::host).containsExactly("Hx");
    }

    @Test
    void atRisk_fleetWide_isEveryShardsCurrentBadAndWarningDrives_riskiestFirst_tiesByRegion() {
        Page<DriveRisk> page = reads.atRisk(atRisk(Optional.empty(), 100, Optional.empty()));

        assertThat(page.items()).extracting(r -> r.region() + "/" + r.host() + "/" + r.drive() + " " + r.probability() + " " + r.bucket())
                .containsExactly("eu/h1/d1 0.9 bad", "us/h9/u1 0.9 bad", "us/h9/u2 0.6 warning", "eu/h2/d3 0.5 warning");
        assertThat(page.next()).isEmpty();
        DriveRisk d1 = page.items().getFirst();
        assertThat(d1.driveModel()).contains("ST4000DM000");
        assertThat(d1.ts()).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
        assertThat(d1.topFeatures()).containsExactly(new Contribution("smart_197_change_7d", 1.9, 24), new Contribution("smart_197_raw", 0.4, 24),
                new Contribution("temperature", -0.1, Double.NaN));
        assertThat(d1.reasons()).containsExactly("SMART 197 current pending sectors grew by 24 in 7 days (now 24)");
    }

    @Test
    void atRisk_pagedByOne_orByThree_yieldsEveryItemOnceInOrder_acrossShards() {
        List<String> whole = reads.atRisk(atRisk(Optional.empty(), 100, Optional.empty())).items().stream().map(DriveRisk::drive).toList();

        for (int limit : new int[] {1, 2, 3}) {
            List<DriveRisk> paged = everyPage(after -> reads.atRisk(atRisk(Optional.empty(), limit, after)), Cursor.AtRisk.class);
            assertThat(paged).as("limit %d", limit).extracting(DriveRisk::drive).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void names_sortByCodePoint_whateverTheDatabasesCollation_soPagesAndTheMergeAgree() {
        StoreReads reads = new StoreReads(new io.harbinger.store.SinglePrimary(c), new io.harbinger.store.SinglePrimary(c));
        List<DriveRisk> paged = everyPage(after -> reads.atRisk(atRisk(Optional.empty(), 1, after)), Cursor.AtRisk.class);
        assertThat(paged).extracting(r -> r.host() + "/" + r.drive()).containsExactly("Hx/d", "h-x/D", "h-x/d", "h_x/d", "hx/d");
        assertThat(everyPage(after -> reads.hosts(new HostsQuery(Optional.empty(), 1, after)), Cursor.Host.class))
                .extracting(HostSummary::host).containsExactly("Hx", "h-x", "h_x", "hx");
    }

    @Test
    void atRisk_ofOneRegion_orOtherBuckets() {
        assertThat(reads.atRisk(atRisk(Optional.of("us"), 10, Optional.empty())).items()).extracting(DriveRisk::drive).containsExactly("u1", "u2");
        assertThat(reads.atRisk(new AtRiskQuery(Optional.of("eu"), EnumSet.of(Bucket.GOOD), 10, Optional.empty())).items())
                .extracting(DriveRisk::drive).containsExactly("d4", "d2");
        assertThat(reads.atRisk(atRisk(Optional.of("nowhere"), 10, Optional.empty())).items()).isEmpty();
    }

    @Test
    void hosts_haveTheirCurrentDrivesAndWorstBucket_pagedInRegionHostOrder() {
        List<HostSummary> hosts = reads.hosts(new HostsQuery(Optional.empty(), 100, Optional.empty())).items();

        assertThat(hosts).containsExactly(
                new HostSummary("eu", "h1", 2, "bad", 0.9, Instant.parse("2026-11-28T02:00:00Z")),
                new HostSummary("eu", "h2", 2, "warning", 0.5, Instant.parse("2026-11-28T03:00:00Z")),
                new HostSummary("us", "h9", 3, "bad", 0.9, Instant.parse("2026-11-27T05:00:00Z")));
        assertThat(everyPage(after -> reads.hosts(new HostsQuery(Optional.empty(), 1, after)), Cursor.Host.class)).containsExactlyElementsOf(hosts);
        assertThat(reads.hosts(new HostsQuery(Optional.of("us"), 5, Optional.empty())).items()).extracting(HostSummary::host).containsExactly("h9");
    }

    @Test
    void summary_countsEachCurrentDriveOnce_byItsLatestBucket_withTrendHistogramAndOpenAlerts() {
        FleetSummary s = reads.summary(3);

        assertThat(s.asOf()).contains(Instant.parse("2026-11-28T03:00:00Z"));
        assertThat(s.total()).isEqualTo(new FleetSummary.Total(7, new BucketCounts(3, 2, 2, 0), 2));
        FleetSummary.Region eu = s.regions().getFirst();
        assertThat(s.regions()).extracting(FleetSummary.Region::region).containsExactly("eu", "us");
        assertThat(eu.buckets()).isEqualTo(new BucketCounts(2, 1, 1, 0));
        assertThat(eu.alertsOpen()).isEqualTo(1);
        assertThat(eu.trend()).containsExactly(
                new FleetSummary.Day(LocalDate.parse("2026-11-26"), new BucketCounts(1, 0, 0, 0)),
                new FleetSummary.Day(LocalDate.parse("2026-11-27"), new BucketCounts(1, 1, 0, 0)),
                new FleetSummary.Day(LocalDate.parse("2026-11-28"), new BucketCounts(2, 1, 1, 0)));
        assertThat(s.regions().get(1).trend().getLast().buckets()).isEqualTo(BucketCounts.NONE); // us had nothing on the 28th
        assertThat(s.riskHistogram()).hasSize(20);
        assertThat(s.riskHistogram().stream().mapToLong(FleetSummary.RiskBin::drives).sum()).isEqualTo(7);
        assertThat(s.riskHistogram().get(18)).isEqualTo(new FleetSummary.RiskBin(0.9, 0.95, 2)); // d1, u1 at 0.9
        assertThat(s.riskHistogram().getFirst().drives()).isEqualTo(2); // d2 0.02, d4 0.04
    }

    @Test
    void hostDetail_listsItsRecentDrivesWithLatestPredictions_andTheLatestPointOfEachSeries() {
        HostDetail h1 = reads.host("eu", "h1").orElseThrow();

        assertThat(h1.lastSeen()).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
        assertThat(h1.drives()).extracting(HostDetail.Drive::drive, d -> d.latest().map(DriveRisk::bucket).orElse("-"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("d1", "bad"), org.assertj.core.groups.Tuple.tuple("d2", "good"));
        assertThat(h1.metrics()).as("by measurement, then tags in the database's collation").containsExactlyInAnyOrder(
                new HostDetail.MetricPoint("cpu", Map.of("cpu", "cpu-total"), Instant.parse("2026-11-28T02:00:00Z"), Map.of("usage_user", 12.5)),
                new HostDetail.MetricPoint("cpu", Map.of("cpu", "cpu0"), Instant.parse("2026-11-28T02:00:00Z"), Map.of("usage_user", 3.0)),
                new HostDetail.MetricPoint("mem", Map.of(), Instant.parse("2026-11-28T02:00:00Z"),
                        Map.of("used_percent", 40.5, "swapping", false, "note", "ok")));
        assertThat(reads.host("eu", "nobody")).isEmpty();
    }

    @Test
    void driveDetail_hasItsSmartAndRiskHistory_andReasonsToldFromTheReadings() {
        DriveDetail d1 = reads.drive(new DriveQuery("eu", "h1", "d1", Optional.empty(), Optional.empty())).orElseThrow();

        assertThat(d1.to()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(d1.from()).isEqualTo(Instant.parse("2026-10-30T00:00:00Z"));
        assertThat(d1.driveModel()).contains("ST4000DM000");
        assertThat(d1.smart()).extracting(p -> p.attributes().get(197)).containsExactly(0L, 0L, 0L, 6L, 24L);
        assertThat(d1.smart().getLast().temperatureC()).hasValue(35.0);
        assertThat(d1.risk()).extracting(DriveDetail.RiskPoint::bucket).containsExactly("good", "good", "good", "warning", "bad");
        assertThat(d1.latest().orElseThrow().reasons()).containsExactly("SMART 197 current pending sectors 0 -> 24 in 2 days");

        DriveDetail ranged = reads.drive(new DriveQuery("eu", "h1", "d1", Optional.of(Instant.parse("2026-11-25T00:00:00Z")),
                Optional.of(Instant.parse("2026-11-27T00:00:00Z")))).orElseThrow();
        assertThat(ranged.smart()).extracting(DriveDetail.SmartPoint::ts).containsExactly(Instant.parse("2026-11-25T02:00:00Z"), Instant.parse("2026-11-26T02:00:00Z"));
        assertThat(reads.drive(new DriveQuery("eu", "h2", "d1", Optional.empty(), Optional.empty()))).as("d1 is not on h2").isEmpty();
    }
}
