package io.harbinger.store;

import io.harbinger.embedded.BundledPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SharedPostgres.class)
class PartitionsIT {
    private static final Instant NOW = Instant.parse("2026-11-28T10:15:00Z");

    private HikariDataSource ds;

    @BeforeEach
    void freshSchema(BundledPostgres postgres) {
        ds = SharedPostgres.freshSchema(postgres);
        Schema.migrate(ds);
    }

    @AfterEach
    void close() {
        ds.close();
    }

    @Test
    void ensureRegion_createsTheRegionAndTheWindowInEveryTable() {
        List<PartitionAction> done = partitionsAt(NOW).ensureRegion("eu");

        assertThat(done).isNotEmpty();
        assertThat(partitionsOf("disk_samples__eu")).containsExactly(
                "disk_samples__eu__20261126", "disk_samples__eu__20261127", "disk_samples__eu__20261128",
                "disk_samples__eu__20261129", "disk_samples__eu__20261130", "disk_samples__eu__20261201");
        assertThat(partitionsOf("alerts__eu")).containsExactly("alerts__eu__202611", "alerts__eu__202612");
        PartitionCatalog catalog = partitionsAt(NOW).catalog();
        assertThat(catalog.knownRegions()).containsExactly("eu");
        assertThat(catalog.ranges()).hasSize(3 * 6 + 2); // three daily tables, six days each, and two months of alerts
    }

    @Test
    void ensureRegion_again_fromAnotherNode_changesNothing() {
        partitionsAt(NOW).ensureRegion("eu");

        assertThat(partitionsAt(NOW).ensureRegion("eu")).isEmpty();
        assertThat(partitionsAt(NOW).maintain(Set.of())).isEmpty();
    }

    @Test
    void rowsLandInTheirRegionsDayPartition() {
        Partitions partitions = partitionsAt(NOW);
        partitions.ensureRegion("eu");
        partitions.ensureRegion("us-east");

        insertSample("eu", "d1", "2026-11-28 23:59:59.999+00");
        insertSample("eu", "d1", "2026-11-29 00:00:00+00");
        insertSample("us-east", "d2", "2026-11-28 12:00:00+00");

        assertThat(Sql.column(ds, "SELECT tableoid::regclass::text FROM disk_samples ORDER BY region, ts")).containsExactly(
                "disk_samples__eu__20261128", "disk_samples__eu__20261129",
                "disk_samples__" + PartitionNames.slug("us-east") + "__20261128");
    }

    @Test
    void aRedeliveredSampleIsSkippedByItsNaturalKey() {
        partitionsAt(NOW).ensureRegion("eu");
        insertSample("eu", "d1", "2026-11-28 10:00:00+00");

        Sql.execute(ds, "INSERT INTO disk_samples (region, host, drive, ts, smart_5_raw) "
                + "VALUES ('eu', 'h1', 'd1', '2026-11-28 10:00:00+00', 99) ON CONFLICT DO NOTHING");

        assertThat(Sql.value(ds, "SELECT count(*) || ' ' || max(smart_5_raw) FROM disk_samples")).isEqualTo("1 0");
    }

    @Test
    void aRowOutsideEveryPartition_isRefused_untilEnsureCoveringMakesOne() {
        Partitions partitions = partitionsAt(NOW);
        partitions.ensureRegion("eu");

        assertThatThrownBy(() -> insertSample("eu", "d1", "2026-10-01 00:00:00+00")).hasMessageContaining("no partition");
        partitions.ensureCovering(PartitionedTable.DISK_SAMPLES, "eu",
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-03T00:00:00Z"));
        insertSample("eu", "d1", "2026-10-01 00:00:00+00");

        assertThat(partitionsOf("disk_samples__eu")).contains("disk_samples__eu__20261001", "disk_samples__eu__20261002");
    }

    @Test
    void maintain_daysLater_createsAheadAndDropsWholePartitionsPastRetention() {
        partitionsAt(NOW).ensureRegion("eu");
        insertSample("eu", "old", "2026-11-26 08:00:00+00");
        insertSample("eu", "kept", "2026-11-28 08:00:00+00");
        insertPrediction("eu", "old", "2026-11-26 08:00:00+00");

        // On 28 December raw data keeps 30 days, back to 28 November: 26 and 27 November go; predictions keep 400.
        List<PartitionAction> done = partitionsAt(Instant.parse("2026-12-28T01:00:00Z")).maintain(Set.of());

        assertThat(done).filteredOn(a -> a instanceof PartitionAction.DropRange)
                .extracting(a -> ((PartitionAction.DropRange) a).name())
                .containsExactlyInAnyOrder("disk_samples__eu__20261126", "disk_samples__eu__20261127",
                        "host_metrics__eu__20261126", "host_metrics__eu__20261127");
        assertThat(partitionsOf("disk_samples__eu")).doesNotContain("disk_samples__eu__20261126")
                .contains("disk_samples__eu__20261128", "disk_samples__eu__20261231");
        assertThat(Sql.column(ds, "SELECT drive FROM disk_samples")).containsExactly("kept");
        assertThat(Sql.column(ds, "SELECT drive FROM predictions")).containsExactly("old");
        assertThat(Sql.value(ds, "SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname = 'disk_samples__eu__20261126'")).isEqualTo("0");
    }

    @Test
    void maintain_finishesADetachThatWasInterrupted() throws Exception {
        partitionsAt(NOW).ensureRegion("eu");
        String victim = "disk_samples__eu__20261126";
        try (Connection reader = ds.getConnection(); Connection detacher = ds.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement()) {
                s.execute("SELECT count(*) FROM disk_samples__eu");  // a reader that the detach has to wait for
            }
            try (Statement s = detacher.createStatement()) {
                s.execute("SET statement_timeout = '500ms'");
                assertThatThrownBy(() -> s.execute("ALTER TABLE disk_samples__eu DETACH PARTITION " + victim + " CONCURRENTLY"))
                        .hasMessageContaining("statement timeout");
                s.execute("RESET statement_timeout");
            }
            reader.rollback();
        }
        assertThat(partitionsAt(NOW).catalog().ranges()).filteredOn(PartitionCatalog.RangePartition::detachPending)
                .extracting(PartitionCatalog.RangePartition::name).containsExactly(victim);

        List<PartitionAction> done = partitionsAt(NOW).maintain(Set.of());

        assertThat(done).extracting(a -> a.statements().getFirst()).anyMatch(sql -> sql.endsWith(victim + "\" FINALIZE"));
        assertThat(Sql.value(ds, "SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname = '" + victim + "'")).isEqualTo("0");
    }

    private Partitions partitionsAt(Instant now) {
        return new Partitions(ds, PartitionConfig.defaults(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<String> partitionsOf(String parent) {
        return Sql.column(ds, "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = '" + parent + "'::regclass ORDER BY 1");
    }

    private void insertSample(String region, String drive, String ts) {
        Sql.execute(ds, "INSERT INTO disk_samples (region, host, drive, ts, model, smart_5_raw, other) VALUES ("
                + PartitionNames.literal(region) + ", 'h1', " + PartitionNames.literal(drive) + ", '" + ts
                + "', 'ST4000DM000', 0, '{\"1\": 12}')");
    }

    private void insertPrediction(String region, String drive, String ts) {
        Sql.execute(ds, "INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket) VALUES ("
                + PartitionNames.literal(region) + ", " + PartitionNames.literal(drive) + ", '" + ts + "', 'v1', 'h1', 0.5, 'high')");
    }
}
