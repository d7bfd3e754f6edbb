package io.harbinger.store.query;

import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DrivePrediction;
import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.Schema;
import io.harbinger.store.SharedPostgres;
import io.harbinger.store.LoaderTestAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The prediction and alert queries on one shard. Drive d1 of eu lives on host h1; a drive also named d1
 * lives on host h2. Alerts of eu: d1 open (27th), d2 resolved and d3 acknowledged (28th); us has one open.
 */
@ExtendWith(SharedPostgres.class)
class PredictionQueriesIT {
    private static final Instant NOON_28 = Instant.parse("2026-11-28T12:00:00Z");
    private static final Instant FROM = Instant.parse("2026-11-26T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-29T00:00:00Z");
    private static final String TOP = "'[{\"feature\":\"smart_5_raw\",\"contribution\":0.7},{\"feature\":\"smart_197_raw\",\"contribution\":-0.1}]'";

    private static HikariDataSource ds;

    @BeforeAll
    static void load(BundledPostgres postgres) throws SQLException {
        ds = LoaderTestAccess.freshSchema(postgres);
        Schema.migrate(ds);
        Partitions partitions = new Partitions(ds, PartitionConfig.defaults(), Clock.fixed(NOON_28, ZoneOffset.UTC));
        partitions.ensureRegion("eu");
        partitions.ensureRegion("us");
        run("""
                INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket) VALUES
                  ('eu', 'd1', '2026-11-27 02:00+00', 'v1', 'h1', 0.2, 'good'),
                  ('eu', 'd1', '2026-11-28 02:00+00', 'v1', 'h1', 0.4, 'good'),
                  ('eu', 'd1', '2026-11-28 02:00+00', 'v2', 'h1', 0.45, 'warning'),
                  ('eu', 'd1', '2026-11-28 09:00+00', 'v1', 'h2', 0.9, 'bad')""");
        run("INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket, top_features)"
                + " VALUES ('eu', 'd1', '2026-11-28 08:00+00', 'v1', 'h1', 0.5, 'warning', " + TOP + ")");
        run("""
                INSERT INTO alerts (region, drive, raised_at, host, state, model_version, probability, bucket, resolved_at) VALUES
                  ('eu', 'd2', '2026-11-28 01:00+00', 'h1', 'resolved', 'v1', 0.8, 'bad', '2026-11-28 05:00+00'),
                  ('eu', 'd3', '2026-11-28 03:00+00', 'h1', 'acknowledged', 'v1', 0.85, 'bad', NULL),
                  ('us', 'd9', '2026-11-28 04:00+00', 'h9', 'open', 'v1', 0.95, 'bad', NULL)""");
        run("INSERT INTO alerts (region, drive, raised_at, host, model_version, probability, bucket, top_features)"
                + " VALUES ('eu', 'd1', '2026-11-27 10:00+00', 'h1', 'v1', 0.9, 'bad', " + TOP + ")"); // as the loader writes it: defaults
    }

    private static void run(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    @Test
    void topRisk_carriesEachRowsTopFeatures() throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<RiskPrediction> top = StoreQueries.regionTopRisk(c, "eu", 5, NOON_28);
            assertThat(top).extracting(RiskPrediction::probability).containsExactly(0.9); // d1's highest row, on host h2
            assertThat(top.getFirst().topFeatures()).isEmpty();
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE predictions SET probability = 0.95 WHERE region = 'eu' AND ts = '2026-11-28 08:00+00'");
        }
        try (Connection c = ds.getConnection()) {
            RiskPrediction first = StoreQueries.regionTopRisk(c, "eu", 5, NOON_28).getFirst();
            assertThat(first.topFeatures()).containsExactly(new Contribution("smart_5_raw", 0.7, Double.NaN), new Contribution("smart_197_raw", -0.1, Double.NaN));
        } finally {
            run("UPDATE predictions SET probability = 0.5 WHERE region = 'eu' AND ts = '2026-11-28 08:00+00'");
        }
    }

    @Test
    void latestPrediction_isTheDrivesNewestOfTheDayBeforeAsOf_withItsTopFeaturesInOrder() throws SQLException {
        DrivePrediction latest = StoreQueries.latestPrediction(ds, "eu", "h1", "d1", NOON_28).orElseThrow();

        assertThat(latest).isEqualTo(new DrivePrediction("eu", "d1", "h1", Instant.parse("2026-11-28T08:00:00Z"), "v1", 0.5, "warning",
                List.of(new Contribution("smart_5_raw", 0.7, Double.NaN), new Contribution("smart_197_raw", -0.1, Double.NaN))));
    }

    @Test
    void latestPrediction_ofTwoModelVersionsAtOneInstant_isTheGreaterVersion_andAsOfIsExclusive() throws SQLException {
        DrivePrediction latest = StoreQueries.latestPrediction(ds, "eu", "h1", "d1", Instant.parse("2026-11-28T08:00:00Z")).orElseThrow();

        assertThat(latest.modelVersion()).isEqualTo("v2");
        assertThat(latest.probability()).isEqualTo(0.45);
        assertThat(latest.topFeatures()).isEmpty();
    }

    @Test
    void latestPrediction_ofADriveNotScoredThatDay_isEmpty() throws SQLException {
        assertThat(StoreQueries.latestPrediction(ds, "eu", "h1", "d1", Instant.parse("2026-11-30T00:00:00Z"))).isEmpty();
        assertThat(StoreQueries.latestPrediction(ds, "us", "h1", "d1", NOON_28)).isEmpty();
    }

    @Test
    void drivePredictions_areTheDrivesOnItsHostInTheHalfOpenRange_oldestFirst() throws SQLException {
        List<DrivePrediction> rows = StoreQueries.drivePredictions(ds, "eu", "h1", "d1", Instant.parse("2026-11-27T02:00:00Z"),
                Instant.parse("2026-11-28T08:00:00Z"));

        assertThat(rows).extracting(p -> p.ts() + " " + p.modelVersion()).containsExactly(
                "2026-11-27T02:00:00Z v1", "2026-11-28T02:00:00Z v1", "2026-11-28T02:00:00Z v2");
        assertThat(rows).allSatisfy(p -> assertThat(p.host()).isEqualTo("h1"));
    }

    @Test
    void alerts_areTheRegionsAlertsInRange_newestFirst_whateverTheirState() throws SQLException {
        List<DriveAlert> alerts = StoreQueries.alerts(ds, "eu", FROM, TO);

        assertThat(alerts).extracting(DriveAlert::drive, DriveAlert::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("d3", "acknowledged"), org.assertj.core.groups.Tuple.tuple("d2", "resolved"),
                org.assertj.core.groups.Tuple.tuple("d1", "open"));
        assertThat(alerts.get(1).resolvedAt()).contains(Instant.parse("2026-11-28T05:00:00Z"));
        DriveAlert raised = alerts.get(2);
        assertThat(raised.id()).isNotNull();
        assertThat(raised.resolvedAt()).isEmpty();
        assertThat(raised.raisedAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(raised.topFeatures()).extracting(Contribution::feature).containsExactly("smart_5_raw", "smart_197_raw");
        assertThat(alerts).extracting(DriveAlert::id).doesNotHaveDuplicates();
    }

    @Test
    void openAlerts_leaveOutResolvedOnes_andOtherRegions() throws SQLException {
        assertThat(StoreQueries.openAlerts(ds, "eu", FROM, TO)).extracting(DriveAlert::drive).containsExactly("d3", "d1");
        assertThat(StoreQueries.openAlerts(ds, "us", FROM, TO)).extracting(DriveAlert::drive).containsExactly("d9");
        assertThat(StoreQueries.openAlerts(ds, "eu", Instant.parse("2026-11-28T00:00:00Z"), TO)).extracting(DriveAlert::drive).containsExactly("d3");
    }

    @Test
    void alerts_withAnEmptyRange_areRefused() {
        assertThatThrownBy(() -> StoreQueries.alerts(ds, "eu", TO, TO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from must be before to");
    }
}
