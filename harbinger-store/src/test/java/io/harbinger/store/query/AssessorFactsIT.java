package io.harbinger.store.query;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.read.DriveRisk;
import io.harbinger.store.LoaderTestAccess;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.PartitionedTable;
import io.harbinger.store.Partitions;
import io.harbinger.store.Schema;
import io.harbinger.store.SharedPostgres;
import io.harbinger.store.rows.CopyEncoding;
import io.harbinger.store.rows.CopyFormat;
import io.harbinger.store.rows.PredictionRows;
import io.harbinger.store.rows.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who judged a prediction and what it observed, written as the loader writes it (COPY, both formats) and
 * read back by the queries: an NVMe drive judged by its health log, a model prediction with facts.
 */
@ExtendWith(SharedPostgres.class)
class AssessorFactsIT {
    private static final Instant NOON_28 = Instant.parse("2026-11-28T12:00:00Z");
    private static final long T = Instant.parse("2026-11-28T02:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final List<String> NVME_REASONS = List.of("media and data integrity errors 7 -> 9 in 1 day", "a \"quoted\" fact");
    private static final List<String> MODEL_FACTS = List.of("SMART 197 current pending sectors 0 -> 24 in 3 days");

    private static HikariDataSource ds;

    @BeforeAll
    static void load(BundledPostgres postgres) throws Exception {
        ds = LoaderTestAccess.freshSchema(postgres);
        Schema.migrate(ds);
        new Partitions(ds, PartitionConfig.defaults(), Clock.fixed(NOON_28, ZoneOffset.UTC)).ensureRegion("eu");
        ScoredSample nvme = new ScoredSample("eu", "h1", "S46", T, Prediction.ofRule(Assessor.NVME_HEALTH_LOG, "nvme-health-v1", Bucket.BAD, NVME_REASONS));
        ScoredSample model = new ScoredSample("eu", "h1", "ZA1", T, new Prediction("xgb-1", 0.9, Bucket.BAD,
                List.of(new Contribution("smart_197_raw", 1.2, 24), new Contribution("temperature", 0.3, 52))).withFacts(MODEL_FACTS));
        copy(PredictionRows.of(new PredictionBatch(List.of(nvme), List.of(nvme))), CopyFormat.BINARY);
        copy(PredictionRows.of(new PredictionBatch(List.of(model), List.of(model))), CopyFormat.TEXT);
    }

    private static void copy(List<Row> rows, CopyFormat format) throws Exception {
        Map<PartitionedTable, List<Row>> byTable = rows.stream().collect(Collectors.groupingBy(Row::table));
        try (Connection c = ds.getConnection()) {
            for (Map.Entry<PartitionedTable, List<Row>> e : byTable.entrySet()) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(CopyEncoding.copySql(e.getKey().tableName(), e.getKey(), format),
                        new ByteArrayInputStream(CopyEncoding.encode(e.getValue(), format)));
            }
        }
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    @Test
    void aRulesPrediction_keepsItsAssessorAndReasons_andTheyAreItsReasonsWherePredictionsAreShown() throws Exception {
        DrivePrediction p = StoreQueries.latestPrediction(ds, "eu", "h1", "S46", NOON_28).orElseThrow();
        DriveAlert a = StoreQueries.alerts(ds, "eu", NOON_28.minusSeconds(86_400), NOON_28).stream().filter(x -> x.drive().equals("S46")).findFirst().orElseThrow();
        DriveRisk risk;
        try (Connection c = ds.getConnection()) {
            risk = FleetQueries.driveLatest(c, "eu", "h1", "S46", NOON_28.minusSeconds(86_400)).orElseThrow();
        }

        assertThat(p.assessor()).isEqualTo("nvme-health-log");
        assertThat(p.facts()).isEqualTo(NVME_REASONS);
        assertThat(p.probability()).isZero();
        assertThat(a.assessor()).isEqualTo("nvme-health-log");
        assertThat(a.facts()).isEqualTo(NVME_REASONS);
        assertThat(risk.assessor()).isEqualTo("nvme-health-log");
        assertThat(risk.reasons()).isEqualTo(NVME_REASONS);
    }

    @Test
    void aModelsPrediction_keepsItsFacts_toldFirstAmongItsReasons() throws Exception {
        DrivePrediction p = StoreQueries.latestPrediction(ds, "eu", "h1", "ZA1", NOON_28).orElseThrow();
        DriveRisk risk;
        try (Connection c = ds.getConnection()) {
            risk = FleetQueries.driveLatest(c, "eu", "h1", "ZA1", NOON_28.minusSeconds(86_400)).orElseThrow();
        }

        assertThat(p.assessor()).isEqualTo("model");
        assertThat(p.facts()).isEqualTo(MODEL_FACTS);
        assertThat(risk.facts()).isEqualTo(MODEL_FACTS);
        assertThat(risk.reasons()).containsExactly("SMART 197 current pending sectors 0 -> 24 in 3 days", "temperature 52 °C");
    }
}
