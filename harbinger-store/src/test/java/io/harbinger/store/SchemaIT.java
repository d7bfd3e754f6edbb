package io.harbinger.store;

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

            assertThat(migrated.applied()).isEqualTo(2);
            assertThat(migrated.version()).isEqualTo("2");
            assertThat(Sql.column(ds, """
                    SELECT c.relname || ' ' || pg_get_partkeydef(c.oid) FROM pg_class c
                     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'p' ORDER BY 1"""))
                    .containsExactly("alerts LIST (region)", "disk_samples LIST (region)", "drive_features LIST (region)",
                            "host_metrics LIST (region)", "predictions LIST (region)");
        }
    }

    @Test
    void migrate_twice_appliesNothingTheSecondTime(BundledPostgres postgres) {
        try (HikariDataSource ds = SharedPostgres.freshSchema(postgres)) {
            Schema.migrate(ds);

            Schema.Migrated again = Schema.migrate(ds);

            assertThat(again.applied()).isZero();
            assertThat(again.version()).isEqualTo("2");
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
                            "alerts PRIMARY KEY (region, drive, raised_at)",
                            "disk_samples PRIMARY KEY (region, drive, ts)",
                            "drive_features PRIMARY KEY (region, drive, ts, feature_set)",
                            "host_metrics PRIMARY KEY (region, host, measurement, tags, ts)",
                            "predictions PRIMARY KEY (region, drive, ts, model_version)",
                            "sink_offsets PRIMARY KEY (consumer_group, topic, partition)");
        }
    }
}
