package io.harbinger.store.rows;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.store.PartitionedTable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PredictionRowsTest {
    private static final long T = 1_764_324_000_123_456_789L; // 2025-11-28T10:00:00.123456789Z

    private static ScoredSample scored(double probability, Contribution... top) {
        return new ScoredSample("eu", "h1", "ZA1", T, new Prediction("v3", probability, Bucket.BAD, List.of(top)));
    }

    private static PredictionRow predictionRow(ScoredSample s) {
        return (PredictionRow) PredictionRows.of(new PredictionBatch(List.of(s), List.of())).getFirst();
    }

    @Test
    void scoredSample_becomesPredictionRow_withTopFeaturesInOrder() {
        PredictionRow row = predictionRow(scored(0.83, new Contribution("smart_197_raw", 1.25, 24), new Contribution("smart_5_raw", -0.5, Double.NaN)));

        assertThat(row).isEqualTo(new PredictionRow("eu", "h1", "ZA1", 1_764_324_000_123_456L, "v3", 0.83, "bad",
                "[{\"feature\":\"smart_197_raw\",\"contribution\":1.25,\"value\":24},{\"feature\":\"smart_5_raw\",\"contribution\":-0.5,\"value\":null}]"));
        assertThat(row.table()).isEqualTo(PartitionedTable.PREDICTIONS);
    }

    @Test
    void assessorAndFacts_becomeTheirColumns_theFactsAJsonArrayOfStrings() {
        ScoredSample nvme = new ScoredSample("eu", "h1", "S46", T, Prediction.ofRule(Assessor.NVME_HEALTH_LOG, "nvme-health-v1", Bucket.WARNING,
                List.of("media and data integrity errors at 7", "a \"quoted\" fact")));
        ScoredSample model = new ScoredSample("eu", "h1", "ZA1", T, new Prediction("v3", 0.9, Bucket.BAD, List.of(new Contribution("smart_197_raw", 1, 24)))
                .withFacts(List.of("SMART 197 current pending sectors 0 -> 24 in 3 days")));

        List<Row> rows = PredictionRows.of(new PredictionBatch(List.of(nvme, model), List.of(nvme)));

        PredictionRow rule = (PredictionRow) rows.get(0);
        assertThat(rule.assessor()).isEqualTo("nvme-health-log");
        assertThat(rule.factsJson()).isEqualTo("[\"media and data integrity errors at 7\",\"a \\\"quoted\\\" fact\"]");
        assertThat(rule.probability()).isZero();
        assertThat(((PredictionRow) rows.get(1)).assessor()).isEqualTo("model");
        assertThat(((PredictionRow) rows.get(1)).factsJson()).isEqualTo("[\"SMART 197 current pending sectors 0 -> 24 in 3 days\"]");
        assertThat(((AlertRow) rows.get(2)).assessor()).isEqualTo("nvme-health-log");
        assertThat(((AlertRow) rows.get(2)).factsJson()).isEqualTo(rule.factsJson());
        assertThat(predictionRow(scored(0.01)).factsJson()).as("no facts").isEqualTo("[]");
    }

    @Test
    void batch_givesEveryScoredSample_thenEveryAlert() {
        ScoredSample calm = scored(0.01);
        ScoredSample raising = new ScoredSample("eu", "h1", "ZA2", T, new Prediction("v3", 0.97, Bucket.BAD, List.of(new Contribution("smart_187_raw", 2, Double.NaN))));

        List<Row> rows = PredictionRows.of(new PredictionBatch(List.of(calm, raising), List.of(raising)));

        assertThat(rows).extracting(Row::table).containsExactly(PartitionedTable.PREDICTIONS, PartitionedTable.PREDICTIONS, PartitionedTable.ALERTS);
        AlertRow alert = (AlertRow) rows.get(2);
        assertThat(alert.drive()).isEqualTo("ZA2");
        assertThat(alert.tsMicros()).isEqualTo(1_764_324_000_123_456L);
        assertThat(alert.probability()).isEqualTo(0.97);
        assertThat(alert.topFeaturesJson()).isEqualTo("[{\"feature\":\"smart_187_raw\",\"contribution\":2,\"value\":null}]");
    }

    @Test
    void predictionWithoutContributions_hasAnEmptyArray() {
        assertThat(predictionRow(scored(0)).topFeaturesJson()).isEqualTo("[]");
    }

    @Test
    void probabilitiesAtTheBounds_areStored() {
        assertThat(predictionRow(scored(0)).probability()).isZero();
        assertThat(predictionRow(scored(1)).probability()).isEqualTo(1);
    }

    @Test
    void featureNamesAreJsonEscaped_andNulCharactersReplaced() {
        PredictionRow row = predictionRow(scored(0.5, new Contribution("we\"ird\\name\n", 0.1, Double.NaN), new Contribution("nul\u0000", 0.2, Double.NaN),
                new Contribution("ctl\u0001", 0.3, Double.NaN)));

        assertThat(row.topFeaturesJson()).isEqualTo("[{\"feature\":\"we\\\"ird\\\\name\\n\",\"contribution\":0.1,\"value\":null},"
                + "{\"feature\":\"nul\uFFFD\",\"contribution\":0.2,\"value\":null},{\"feature\":\"ctl\\u0001\",\"contribution\":0.3,\"value\":null}]");
    }

    @Test
    void nonFiniteContribution_isJsonNull() {
        assertThat(predictionRow(scored(0.5, new Contribution("a", Double.NaN, Double.NaN))).topFeaturesJson()).isEqualTo("[{\"feature\":\"a\",\"contribution\":null,\"value\":null}]");
    }

    @Test
    void nulInTextColumns_becomesReplacementCharacter() {
        PredictionRow row = predictionRow(new ScoredSample("e\u0000u", "h\u0000", "Z\u0000", T, new Prediction("v\u0000", 0.1, Bucket.GOOD, List.of())));

        assertThat(List.of(row.region(), row.host(), row.drive(), row.modelVersion())).containsExactly("e\uFFFDu", "h\uFFFD", "Z\uFFFD", "v\uFFFD");
        assertThat(row.bucket()).isEqualTo("good");
    }

    @Test
    void copyText_ofAPredictionAndAnAlert_followsTheirColumnLists() {
        ScoredSample s = new ScoredSample("eu", "h1", "ZA1", T, new Prediction("v3", 0.25, Bucket.BAD, List.of(new Contribution("smart_5_raw", 0.5, Double.NaN))));
        List<Row> rows = PredictionRows.of(new PredictionBatch(List.of(s), List.of(s)));
        String top = "[{\"feature\":\"smart_5_raw\",\"contribution\":0.5,\"value\":null}]";

        assertThat(CopyEncoding.columns(PartitionedTable.PREDICTIONS))
                .isEqualTo("region, drive, ts, model_version, host, probability, bucket, top_features, assessor, facts");
        assertThat(new String(CopyEncoding.encode(List.of(rows.get(0)), CopyFormat.TEXT), StandardCharsets.UTF_8))
                .isEqualTo("eu\tZA1\t2025-11-28 10:00:00.123456+00\tv3\th1\t0.25\tbad\t" + top + "\tmodel\t[]\n");
        assertThat(CopyEncoding.columns(PartitionedTable.ALERTS))
                .isEqualTo("region, drive, raised_at, host, model_version, probability, bucket, top_features, assessor, facts");
        assertThat(new String(CopyEncoding.encode(List.of(rows.get(1)), CopyFormat.TEXT), StandardCharsets.UTF_8))
                .isEqualTo("eu\tZA1\t2025-11-28 10:00:00.123456+00\th1\tv3\t0.25\tbad\t" + top + "\tmodel\t[]\n");
    }

    @Test
    void rowWithProbabilityOutside0To1_cannotBeBuilt() {
        assertThatThrownBy(() -> new AlertRow("eu", "h", "d", 0, "v", 2, "bad", "[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("probability must be in 0..1, was 2.0");
    }
}
