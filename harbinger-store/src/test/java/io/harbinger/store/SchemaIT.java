package io.harbinger.store;

import io.harbinger.embedded.BundledPostgres;
import io.harbinger.schema.disk.SmartAttribute;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SharedPostgres.class)
class SchemaIT {
    @Test
    void migrate_emptySchema_createsEveryTablePartitionedByRegion(BundledPostgres postgres) {
        try (HikariDataSource ds = SharedPostgres.freshSchema(postgres)) {
            Schema.Migrated migrated = Schema.migrate(ds);

            assertThat(migrated.applied()).isEqualTo(5);
            assertThat(migrated.version()).isEqualTo("5");
            assertThat(Sql.column(ds, """
                    SELECT c.relname || ' ' || pg_get_partkeydef(c.oid) FROM pg_class c
                     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'p' ORDER BY 1"""))
                    .containsExactly("alerts LIST (region)", "disk_samples LIST (region)",
                            "host_metrics LIST (region)", "predictions LIST (region)");
        }
    }

    @Test
    void diskSamplesSmartColumns_areTheTrackedAttributes_inSlotOrder(BundledPostgres postgres) {
        try (HikariDataSource ds = SharedPostgres.freshSchema(postgres)) {
            Schema.migrate(ds);

            assertThat(Sql.column(ds, """
                    SELECT column_name FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = 'disk_samples' AND column_name LIKE 'smart%'
                     ORDER BY ordinal_position"""))
                    .as("the migration's SMART columns are the one declaration's (SmartAttribute), in order")
                    .containsExactlyElementsOf(SmartAttribute.ALL.stream().map(SmartAttribute::rawField).toList());
        }
    }

    @Test
    void migratingAnEarlierStore_keepsTheLoadersPositions_underTheirNewGroupNames(BundledPostgres postgres) {
        try (HikariDataSource ds = SharedPostgres.freshSchema(postgres)) {
            org.flywaydb.core.Flyway.configure().dataSource(ds).locations(Schema.LOCATION).target("2").load().migrate();
            Sql.execute(ds, "INSERT INTO sink_offsets (consumer_group, topic, partition, next_offset) VALUES "
                    + "('harbinger.store-sink', 'harbinger.samples', 0, 42), ('harbinger.prediction-sink', 'harbinger.predictions', 0, 7)");

            Schema.migrate(ds);

            assertThat(Sql.column(ds, "SELECT consumer_group || ' ' || next_offset FROM loader_offsets ORDER BY 1"))
                    .containsExactly("harbinger.predictions-loader 7", "harbinger.samples-loader 42");
        }
    }

    @Test
    void migratingAStoreWithPredictions_marksThemTheModels_withoutFacts_inEveryPartition(BundledPostgres postgres) {
        try (HikariDataSource ds = SharedPostgres.freshSchema(postgres)) {
            org.flywaydb.core.Flyway.configure().dataSource(ds).locations(Schema.LOCATION).target("4").load().migrate();
            Sql.execute(ds, "CREATE TABLE predictions_eu PARTITION OF predictions FOR VALUES IN ('eu')");
            Sql.execute(ds, "INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket)"
                    + " VALUES ('eu', 'd1', '2026-11-28 02:00+00', 'v1', 'h1', 0.9, 'bad')");

            Schema.migrate(ds);

            assertThat(Sql.column(ds, "SELECT assessor || ' ' || facts::text FROM predictions_eu")).containsExactly("model []");
        }
    }

    @Test
    void migrate_twice_appliesNothingTheSecondTime(BundledPostgres postgres) {
        try (HikariDataSource ds = SharedPostgres.freshSchema(postgres)) {
            Schema.migrate(ds);

            Schema.Migrated again = Schema.migrate(ds);

            assertThat(again.applied()).isZero();
            assertThat(again.version()).isEqualTo("5");
        }
    }

    @Test
    void primaryKeysAreNaturalKeysContainingThePartitionKeys(BundledPostgres postgres) {
        try (HikariDataSource ds = SharedPostgres.freshSchema(postgres)) {
            Schema.migrate(ds);

            assertThat(Sql.column(ds, """
                    SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                     WHERE contype = 'p' AND connamespace = current_schema()::regnamespace
                       AND conrelid <> 'flyway_schema_history'::regclass ORDER BY 1"""))
                    .containsExactly(
                            "alerts PRIMARY KEY (region, drive, host, raised_at)",
                            "disk_samples PRIMARY KEY (region, drive, host, ts)",
                            "host_metrics PRIMARY KEY (region, host, measurement, tags, ts)",
                            "loader_offsets PRIMARY KEY (consumer_group, topic, partition)",
                            "predictions PRIMARY KEY (region, drive, host, ts, model_version)");
        }
    }

    @Test
    void theReadApisBucketIndex_isOnEveryPredictionsPartition(BundledPostgres postgres) {
        try (HikariDataSource ds = SharedPostgres.freshSchema(postgres)) {
            Schema.migrate(ds);
            new Partitions(ds, PartitionConfig.defaults(), java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T12:00:00Z"),
                    java.time.ZoneOffset.UTC)).ensureRegion("eu");

            assertThat(Sql.value(ds, """
                    SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'predictions__eu__%'
                       AND indexdef LIKE '%(region, bucket, ts)'""")).isNotEqualTo("0")
                    .isEqualTo(Sql.value(ds, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'predictions__eu__%'"));
        }
    }

    @Test
    void aDriveNamedByItsDevice_onTwoHostsAtTheSameInstant_isTwoRows(BundledPostgres postgres) {
        try (HikariDataSource ds = SharedPostgres.freshSchema(postgres)) {
            Schema.migrate(ds);
            new Partitions(ds, PartitionConfig.defaults(), java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T12:00:00Z"),
                    java.time.ZoneOffset.UTC)).ensureRegion("eu");
            Sql.execute(ds, "INSERT INTO disk_samples (region, host, drive, ts) VALUES "
                    + "('eu', 'host-1', 'sda', '2026-11-27 12:00+00'), ('eu', 'host-2', 'sda', '2026-11-27 12:00+00')");

            assertThat(Sql.value(ds, "SELECT count(*) FROM disk_samples")).isEqualTo("2");
        }
    }
}
