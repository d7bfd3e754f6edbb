package io.harbinger.store;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries the API will run, planned by PostgreSQL on a realistic shape of data (two regions,
 * 2,000 drives each, three days): a time-bounded query for one region scans only that region's
 * partitions in range, through the index meant for it.
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
        String plan = explain("""
                SELECT ts, smart_5_raw FROM disk_samples
                 WHERE region = 'eu' AND drive = 'drive-42' AND ts >= '2026-11-27 00:00+00' AND ts < '2026-11-29 00:00+00'
                 ORDER BY ts""");

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
    void aRegionsLatestState_readsOnlyThatRegionsLatestDay() {
        String plan = explain("""
                SELECT DISTINCT ON (drive) drive, ts, smart_5_raw, smart_187_raw, temperature_c FROM disk_samples
                 WHERE region = 'us' AND ts >= '2026-11-28 00:00+00' AND ts < '2026-11-29 00:00+00'
                 ORDER BY drive, ts DESC""");

        assertThat(all(RELATION, plan)).containsExactly("disk_samples__us__20261128");
    }

    @Test
    void topRiskDrives_readTheRiskIndexOfTheDayInRangeOnly() {
        String plan = explain("""
                SELECT drive, probability FROM predictions
                 WHERE region = 'eu' AND ts >= '2026-11-28 00:00+00' AND ts < '2026-11-29 00:00+00'
                 ORDER BY probability DESC LIMIT 100""");

        assertThat(all(RELATION, plan)).containsExactly("predictions__eu__20261128");
        assertThat(all(INDEX, plan)).singleElement().satisfies(name -> assertThat(name).endsWith("_region_probability_idx"));
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

    private static List<String> all(Pattern pattern, String plan) {
        Matcher m = pattern.matcher(plan);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
