package io.harbinger.store;

import io.harbinger.embedded.BundledPostgres;
import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.store.query.QueryTestAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries the API will run, planned by PostgreSQL on a realistic shape of data (two regions,
 * 2,000 drives each, three days): a time-bounded query for one region scans only that region's
 * partitions in range, through the index meant for it. The queries of
 * {@link io.harbinger.store.query.StoreQueries} are explained as that class runs them (its own SQL,
 * parameters bound).
 */
@ExtendWith(SharedPostgres.class)
class QueryPlanIT {
    private static final Pattern RELATION = Pattern.compile("\"Relation Name\": \"([^\"]+)\"");
    private static final Pattern INDEX = Pattern.compile("\"Index Name\": \"([^\"]+)\"");

    private static HikariDataSource ds;

    @BeforeAll
    static void load(BundledPostgres postgres) {
        ds = SharedPostgres.freshSchema(postgres);
        Schema.migrate(ds);
        Partitions partitions = new Partitions(ds, PartitionConfig.defaults(),
                Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
        partitions.ensureRegion("eu");
        partitions.ensureRegion("us");
        Sql.execute(ds, """
                INSERT INTO disk_samples (region, host, drive, ts, model, smart_5_raw, smart_187_raw, temperature_c)
                SELECT r, 'host-' || (d / 10), 'drive-' || d, t, 'ST4000DM000', d % 7, d % 3, 30 + d % 10
                  FROM unnest(ARRAY['eu', 'us']) r, generate_series(1, 2000) d,
                       generate_series(timestamptz '2026-11-26 00:00+00', timestamptz '2026-11-28 18:00+00', interval '6 hours') t""");
        Sql.execute(ds, """
                INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket)
                SELECT r, 'drive-' || d, t, 'v1', 'host-' || (d / 10), ((d * 7919) % 10000) / 10000.0, 'low'
                  FROM unnest(ARRAY['eu', 'us']) r, generate_series(1, 2000) d,
                       generate_series(timestamptz '2026-11-26 02:00+00', timestamptz '2026-11-28 02:00+00', interval '1 day') t""");
        Sql.execute(ds, "ANALYZE disk_samples");
        Sql.execute(ds, "ANALYZE predictions");
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    @Test
    void aDrivesHistory_readsItsRegionsDaysInRangeThroughThePrimaryKey() {
        String plan = explain(QueryTestAccess.DRIVE_HISTORY, "eu", "drive-42", at("2026-11-27T00:00:00Z"), at("2026-11-29T00:00:00Z"));

        assertThat(all(RELATION, plan)).containsExactlyInAnyOrder("disk_samples__eu__20261127", "disk_samples__eu__20261128");
        assertThat(all(INDEX, plan)).hasSize(2).allMatch(name -> name.endsWith("_pkey"));
    }

    @Test
    void aHostsHistory_usesTheHostIndex() {
        String plan = explain("""
                SELECT drive, ts, smart_5_raw FROM disk_samples
                 WHERE region = 'eu' AND host = 'host-7' AND ts >= '2026-11-28 00:00+00' AND ts < '2026-11-29 00:00+00'""");

        assertThat(all(RELATION, plan)).containsExactly("disk_samples__eu__20261128");
        assertThat(all(INDEX, plan)).singleElement().satisfies(name -> assertThat(name).endsWith("_region_host_ts_idx"));
    }

    @Test
    void aRegionsLatestState_atMidnight_readsOnlyThatRegionsLatestDay() {
        String plan = explain(QueryTestAccess.REGION_LATEST, "us", at("2026-11-28T00:00:00Z"), at("2026-11-29T00:00:00Z"));

        assertThat(all(RELATION, plan)).containsExactly("disk_samples__us__20261128");
    }

    @Test
    void aRegionsLatestState_atNoon_readsThatRegionsTwoDaysItOverlaps() {
        String plan = explain(QueryTestAccess.REGION_LATEST, "us", at("2026-11-27T12:00:00Z"), at("2026-11-28T12:00:00Z"));

        assertThat(all(RELATION, plan)).containsExactlyInAnyOrder("disk_samples__us__20261127", "disk_samples__us__20261128");
    }

    @Test
    void topRiskDrives_readTheRiskIndexOfTheDayInRangeOnly() {
        String plan = explain(QueryTestAccess.REGION_TOP_RISK, "eu", at("2026-11-28T00:00:00Z"), at("2026-11-29T00:00:00Z"), 100L);

        assertThat(all(RELATION, plan)).containsExactly("predictions__eu__20261128");
        assertThat(all(INDEX, plan)).singleElement().satisfies(name -> assertThat(name).endsWith("_region_probability_idx"));
    }

    @Test
    void theRegionsWithRisk_areFoundInTheDaysPartitionsOnly() {
        OffsetDateTime from = at("2026-11-28T00:00:00Z");
        OffsetDateTime to = at("2026-11-29T00:00:00Z");
        String plan = explain(QueryTestAccess.RISK_REGIONS, from, to, from, to);

        assertThat(all(RELATION, plan)).containsOnly("predictions__eu__20261128", "predictions__us__20261128");
    }

    @Test
    void aDrivesLatestPrediction_readsItsRegionsDaysInRangeThroughThePrimaryKey() {
        String plan = explain(QueryTestAccess.LATEST_PREDICTION, "eu", "drive-42", "host-4", at("2026-11-27T12:00:00Z"), at("2026-11-28T12:00:00Z"));

        assertThat(all(RELATION, plan)).containsExactlyInAnyOrder("predictions__eu__20261127", "predictions__eu__20261128");
        assertThat(all(INDEX, plan)).hasSize(2).allMatch(name -> name.endsWith("_pkey"));
    }

    @Test
    void aRegionsOpenAlerts_readOnlyThatRegionsMonthInRange() {
        String plan = explain(QueryTestAccess.OPEN_ALERTS, "eu", at("2026-11-27T00:00:00Z"), at("2026-11-29T00:00:00Z"));

        assertThat(all(RELATION, plan)).containsExactly("alerts__eu__202611");
    }

    @Test
    void withoutTheRegion_theSameDaysOfEveryRegionAreRead() {
        String plan = explain("""
                SELECT count(*) FROM disk_samples WHERE ts >= '2026-11-27 00:00+00' AND ts < '2026-11-29 00:00+00'""");

        assertThat(all(RELATION, plan)).containsExactlyInAnyOrder(
                "disk_samples__eu__20261127", "disk_samples__eu__20261128",
                "disk_samples__us__20261127", "disk_samples__us__20261128");
    }

    private static String explain(String query) {
        return Sql.value(ds, "EXPLAIN (FORMAT JSON) " + query);
    }

    /** The plan of {@code query} with its parameters bound, as the driver's first executions plan it. */
    private static String explain(String query, Object... parameters) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("EXPLAIN (FORMAT JSON) " + query)) {
            for (int i = 0; i < parameters.length; i++) s.setObject(i + 1, parameters[i]);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private static List<String> all(Pattern pattern, String plan) {
        Matcher m = pattern.matcher(plan);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
