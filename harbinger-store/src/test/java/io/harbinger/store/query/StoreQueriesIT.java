package io.harbinger.store.query;

import io.harbinger.schema.read.DriveSample;
import io.harbinger.schema.read.RiskPrediction;
import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.Schema;
import io.harbinger.store.SharedPostgres;
import io.harbinger.store.LoaderTestAccess;
import io.harbinger.store.shard.FanOut;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The queries on two shards (two schemas of the shared PostgreSQL): shard a holds regions eu and us,
 * shard b holds region ap. Samples every 6 hours from 2026-11-26 to 2026-11-28 18:00, predictions
 * daily at 02:00.
 */
@ExtendWith(SharedPostgres.class)
class StoreQueriesIT {
    private static final Instant NOON_28 = Instant.parse("2026-11-28T12:00:00Z");
    private static final Instant MIDNIGHT_28 = Instant.parse("2026-11-28T00:00:00Z");

    private static HikariDataSource a;
    private static HikariDataSource b;
    private static HikariDataSource repeats;

    @BeforeAll
    static void load(BundledPostgres postgres) throws SQLException {
        a = shard(postgres, "eu", "us");
        b = shard(postgres, "ap");
        repeats = shard(postgres, "ap");
        run(a, """
                INSERT INTO disk_samples (region, host, drive, ts, model, smart_5_raw, smart_187_raw, temperature_c)
                SELECT r, 'host-' || (d / 10), 'drive-' || d, t, 'ST4000DM000', d * 10 + extract(hour from t)::int / 6, d % 3, 30 + d % 10
                  FROM unnest(ARRAY['eu', 'us']) r, generate_series(1, 20) d,
                       generate_series(timestamptz '2026-11-26 00:00+00', timestamptz '2026-11-28 18:00+00', interval '6 hours') t""");
        // drive-99 of eu reported only on the 26th: not in the region's latest state of the 28th.
        run(a, "INSERT INTO disk_samples (region, host, drive, ts) VALUES ('eu', 'host-9', 'drive-99', '2026-11-26 06:00+00')");
        run(a, predictions("eu", "us"));
        run(b, predictions("ap"));
        run(repeats, predictions("ap"));
        // drive-3 of eu was scored twice on the 27th (02:00 at 0.3, 20:00 at 0.99): it counts once, at 0.99.
        run(a, "INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket)"
                + " VALUES ('eu', 'drive-3', '2026-11-27 20:00+00', 'v1', 'host-0', 0.99, 'high')");
    }

    private static String predictions(String... regions) {
        // probability d/100 in eu, d/100 + 0.001 in us, d/100 + 0.002 in ap: distinct, predictable order.
        return """
                INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket)
                SELECT r, 'drive-' || d, t, 'v1', 'host-' || (d / 10),
                       d / 100.0 + CASE r WHEN 'eu' THEN 0 WHEN 'us' THEN 0.001 ELSE 0.002 END, 'low'
                  FROM unnest(ARRAY['%s']) r, generate_series(1, 20) d,
                       generate_series(timestamptz '2026-11-26 02:00+00', timestamptz '2026-11-28 02:00+00', interval '1 day') t"""
                .formatted(String.join("','", regions));
    }

    private static HikariDataSource shard(BundledPostgres postgres, String... regions) {
        HikariDataSource ds = LoaderTestAccess.freshSchema(postgres);
        Schema.migrate(ds);
        Partitions partitions = new Partitions(ds, PartitionConfig.defaults(), Clock.fixed(NOON_28, ZoneOffset.UTC));
        for (String region : regions) partitions.ensureRegion(region);
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
        repeats.close();
    }

    @Test
    void driveHistory_returnsTheDrivesRowsInTheHalfOpenRange_oldestFirst() throws SQLException {
        List<DriveSample> rows = StoreQueries.driveHistory(a, "eu", "drive-7",
                Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T06:00:00Z"));

        assertThat(rows).extracting(DriveSample::ts).containsExactly(
                Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-27T06:00:00Z"),
                Instant.parse("2026-11-27T12:00:00Z"), Instant.parse("2026-11-27T18:00:00Z"),
                Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.region()).isEqualTo("eu");
            assertThat(r.drive()).isEqualTo("drive-7");
            assertThat(r.host()).isEqualTo("host-0");
            assertThat(r.model()).contains("ST4000DM000");
            assertThat(r.temperatureC()).hasValue(37.0);
            assertThat(r.failure()).isFalse();
        });
        assertThat(rows.get(1).smartRaw()).isEqualTo(Map.of(5, 71L, 187, 1L));
    }

    @Test
    void driveHistory_ofAnotherRegionsDrive_isEmpty() throws SQLException {
        assertThat(StoreQueries.driveHistory(a, "ap", "drive-7", MIDNIGHT_28.minus(StoreQueries.DAY), MIDNIGHT_28)).isEmpty();
    }

    @Test
    void driveHistory_withAnEmptyRange_isRefused() {
        assertThatThrownBy(() -> StoreQueries.driveHistory(a, "eu", "drive-7", MIDNIGHT_28, MIDNIGHT_28))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from must be before to");
    }

    @Test
    void regionLatest_givesEachDriveOfTheRegionItsLatestRowBeforeAsOf() throws SQLException {
        List<DriveSample> rows = StoreQueries.regionLatest(a, "us", NOON_28);

        assertThat(rows).hasSize(20).allSatisfy(r -> {
            assertThat(r.region()).isEqualTo("us");
            assertThat(r.ts()).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
        });
        assertThat(rows).extracting(DriveSample::drive).isSorted().doesNotHaveDuplicates();
        assertThat(rows.getFirst().smartRaw()).containsEntry(5, 10L * 1 + 1);
    }

    @Test
    void regionLatest_atMidnight_readsThePreviousDayOnly_andLeavesOutDrivesSilentThatDay() throws SQLException {
        List<DriveSample> rows = StoreQueries.regionLatest(a, "eu", MIDNIGHT_28);

        assertThat(rows).hasSize(20).extracting(DriveSample::ts).containsOnly(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(rows).extracting(DriveSample::drive).doesNotContain("drive-99");
    }

    @Test
    void topRisk_mergesEveryShard_highestFirst_eachDriveOnce() {
        FanOut shards = new FanOut(Map.of("a", a, "b", b), java.time.Duration.ofSeconds(10));

        List<RiskPrediction> top = StoreQueries.topRisk(shards, 5, MIDNIGHT_28);

        assertThat(top).extracting(p -> p.region() + "/" + p.drive() + "@" + p.probability()).containsExactly(
                "eu/drive-3@0.99", "ap/drive-20@0.202", "us/drive-20@0.201", "eu/drive-20@0.2", "ap/drive-19@0.192");
        assertThat(top).allSatisfy(p -> assertThat(p.ts()).isBetween(MIDNIGHT_28.minus(StoreQueries.DAY), MIDNIGHT_28));
    }

    @Test
    void topRisk_readsOnlyThePredictionsOfTheDayBeforeAsOf() {
        FanOut shards = new FanOut(Map.of("a", a, "b", b), java.time.Duration.ofSeconds(10));

        List<RiskPrediction> top = StoreQueries.topRisk(shards, 100, NOON_28);

        assertThat(top).hasSize(60).filteredOn(p -> !p.drive().equals("drive-3") || !p.region().equals("eu"))
                .extracting(RiskPrediction::ts).containsOnly(Instant.parse("2026-11-28T02:00:00Z"));
        // eu/drive-3's 0.99 of 27th 20:00 is in the day before noon of the 28th and is its highest.
        assertThat(top.getFirst()).extracting(RiskPrediction::drive, RiskPrediction::probability).containsExactly("drive-3", 0.99);
        assertThat(top).extracting(RiskPrediction::probability).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void regionTopRisk_whenRepeatsCrowdTheFirstRows_readsMoreUntilItHasNDrives() throws SQLException {
        run(repeats, """
                INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket)
                SELECT 'ap', 'drive-1', timestamptz '2026-11-27 03:00+00' + k * interval '1 minute', 'v1', 'host-0', 0.9 + k / 1000.0, 'high'
                  FROM generate_series(1, 12) k""");
        try (Connection c = repeats.getConnection()) {
            List<RiskPrediction> top = StoreQueries.regionTopRisk(c, "ap", 3, MIDNIGHT_28);

            assertThat(top).extracting(RiskPrediction::drive).containsExactly("drive-1", "drive-20", "drive-19");
            assertThat(top.getFirst().probability()).isEqualTo(0.912);
        }
    }

    @Test
    void riskRegions_areTheRegionsWithPredictionsThatDay() throws SQLException {
        try (Connection c = a.getConnection()) {
            assertThat(StoreQueries.riskRegions(c, MIDNIGHT_28)).containsExactly("eu", "us");
            assertThat(StoreQueries.riskRegions(c, Instant.parse("2026-11-20T00:00:00Z"))).isEmpty();
        }
    }

    @Test
    void highestPerDrive_keepsEachDrivesFirstRow_inOrder() {
        RiskPrediction x1 = new RiskPrediction("eu", "x", "h", MIDNIGHT_28, "v1", 0.9, "high");
        RiskPrediction y = new RiskPrediction("eu", "y", "h", MIDNIGHT_28, "v1", 0.8, "high");
        RiskPrediction x2 = new RiskPrediction("eu", "x", "h", NOON_28, "v1", 0.7, "high");

        assertThat(StoreQueries.highestPerDrive(List.of(x1, y, x2))).containsExactly(x1, y);
    }
}
