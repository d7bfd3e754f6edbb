package io.harbinger.store.rows;

import io.harbinger.core.sample.Field;
import io.harbinger.core.sample.Point;
import io.harbinger.core.sample.Tag;
import io.harbinger.predict.model.Bucket;
import io.harbinger.predict.model.Contribution;
import io.harbinger.predict.model.Prediction;
import io.harbinger.predict.model.PredictionPoints;
import io.harbinger.store.PartitionedTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PredictionRowsTest {
    private static final long T = 1_764_324_000_123_456_789L; // 2025-11-28T10:00:00.123456789Z

    private static Prediction prediction(double probability, Contribution... top) {
        return new Prediction("v3", probability, Bucket.BAD, List.of(top));
    }

    private static Point point(String measurement, Prediction prediction) {
        return PredictionPoints.of(measurement, "eu", "h1", "ZA1", T, prediction);
    }

    /** A prediction point with {@code tags} and {@code fields} as given (for shapes the producer would not make). */
    private static Point raw(List<Tag> tags, List<Field> fields) {
        return new Point(PredictionPoints.PREDICTION, "eu", "h1", "ZA1", tags, fields, T);
    }

    private static final List<Tag> TAGS = List.of(new Tag("model_version", "v3"), new Tag("bucket", "warning"));

    private static Row mapped(Point p) {
        MapResult result = PredictionRows.of(p);
        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        return ((MapResult.Mapped) result).row();
    }

    private static String refusal(Point p) {
        MapResult result = PredictionRows.of(p);
        assertThat(result).isInstanceOf(MapResult.Refused.class);
        return ((MapResult.Refused) result).reason();
    }

    @Test
    void predictionPoint_becomesPredictionRow_withTopFeaturesInFieldOrder() {
        Point p = point(PredictionPoints.PREDICTION, prediction(0.83, new Contribution("smart_197_raw", 1.25), new Contribution("smart_5_raw", -0.5)));

        PredictionRow row = (PredictionRow) mapped(p);

        assertThat(row).isEqualTo(new PredictionRow("eu", "h1", "ZA1", 1_764_324_000_123_456L, "v3", 0.83, "bad",
                "[{\"feature\":\"smart_197_raw\",\"contribution\":1.25},{\"feature\":\"smart_5_raw\",\"contribution\":-0.5}]"));
        assertThat(row.table()).isEqualTo(PartitionedTable.PREDICTIONS);
    }

    @Test
    void alertPoint_becomesAlertRow_raisedAtItsTimestamp() {
        AlertRow row = (AlertRow) mapped(point(PredictionPoints.ALERT, prediction(0.97, new Contribution("smart_187_raw", 2))));

        assertThat(row.table()).isEqualTo(PartitionedTable.ALERTS);
        assertThat(row.tsMicros()).isEqualTo(1_764_324_000_123_456L);
        assertThat(row.probability()).isEqualTo(0.97);
        assertThat(row.topFeaturesJson()).isEqualTo("[{\"feature\":\"smart_187_raw\",\"contribution\":2}]");
    }

    @Test
    void predictionWithoutContributions_hasAnEmptyArray() {
        assertThat(((PredictionRow) mapped(point(PredictionPoints.PREDICTION, prediction(0)))).topFeaturesJson()).isEqualTo("[]");
    }

    @Test
    void probabilitiesAtTheBounds_areStored() {
        assertThat(((PredictionRow) mapped(point(PredictionPoints.PREDICTION, prediction(0)))).probability()).isZero();
        assertThat(((PredictionRow) mapped(point(PredictionPoints.PREDICTION, prediction(1)))).probability()).isEqualTo(1);
    }

    @Test
    void featureNamesAreJsonEscaped_andNulCharactersReplaced() {
        Point p = raw(TAGS, List.of(new Field("probability", 0.5), new Field("contribution.we\"ird\\name\n", 0.1),
                new Field("contribution.nul\u0000", 0.2), new Field("contribution.ctl\u0001", 0.3)));

        assertThat(((PredictionRow) mapped(p)).topFeaturesJson()).isEqualTo("[{\"feature\":\"we\\\"ird\\\\name\\n\",\"contribution\":0.1},"
                + "{\"feature\":\"nul\uFFFD\",\"contribution\":0.2},{\"feature\":\"ctl\\u0001\",\"contribution\":0.3}]");
    }

    @Test
    void nonFiniteContribution_isJsonNull_andFieldsThatAreNeitherAreNotStored() {
        Point p = raw(TAGS, List.of(new Field("contribution.a", Double.NaN), new Field("probability", 0.5), new Field("base_value", -3)));

        assertThat(((PredictionRow) mapped(p)).topFeaturesJson()).isEqualTo("[{\"feature\":\"a\",\"contribution\":null}]");
    }

    @Test
    void nulInTextColumns_becomesReplacementCharacter() {
        Point p = new Point(PredictionPoints.PREDICTION, "e\u0000u", "h\u0000", "Z\u0000", List.of(new Tag("model_version", "v\u0000"),
                new Tag("bucket", "good")), List.of(new Field("probability", 0.1)), T);

        PredictionRow row = (PredictionRow) mapped(p);

        assertThat(List.of(row.region(), row.host(), row.drive(), row.modelVersion())).containsExactly("e\uFFFDu", "h\uFFFD", "Z\uFFFD", "v\uFFFD");
    }

    @Test
    void sampleAndOtherMeasurements_areRefused_namingTheMeasurement() {
        Point smart = new Point("smart", "eu", "h1", "ZA1", List.of(), List.of(new Field("probability", 0.5)), T);

        assertThat(refusal(smart)).contains("measurement 'smart' is neither drive_prediction nor drive_alert");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.0001, Double.NaN, Double.POSITIVE_INFINITY})
    void probabilityOutside0To1_isRefused(double probability) {
        assertThat(refusal(raw(TAGS, List.of(new Field("probability", probability))))).contains("outside 0..1");
    }

    @Test
    void missingProbability_isRefused() {
        assertThat(refusal(raw(TAGS, List.of(new Field("contribution.a", 1))))).contains("field probability is missing");
    }

    @Test
    void missingOrEmptyModelVersion_isRefused() {
        List<Field> fields = List.of(new Field("probability", 0.5));
        assertThat(refusal(raw(List.of(new Tag("bucket", "good")), fields))).contains("tag model_version is missing or empty");
        assertThat(refusal(raw(List.of(new Tag("model_version", ""), new Tag("bucket", "good")), fields))).contains("tag model_version");
    }

    @Test
    void missingOrUnknownBucket_isRefused_namingTheValidOnes() {
        List<Field> fields = List.of(new Field("probability", 0.5));
        assertThat(refusal(raw(List.of(new Tag("model_version", "v3")), fields))).contains("tag bucket is '', expected good, warning, bad or unknown");
        assertThat(refusal(raw(List.of(new Tag("model_version", "v3"), new Tag("bucket", "high")), fields))).contains("tag bucket is 'high'");
    }

    @Test
    void predictionWithoutDrive_isRefused() {
        Point p = new Point(PredictionPoints.PREDICTION, "eu", "h1", "", TAGS, List.of(new Field("probability", 0.5)), T);

        assertThat(refusal(p)).contains("it has no drive").contains("eu/h1/");
    }

    @Test
    void contributionWithoutFeatureName_isRefused() {
        assertThat(refusal(raw(TAGS, List.of(new Field("probability", 0.5), new Field("contribution.", 1))))).contains("without a feature");
    }

    @Test
    void repeatedTagOrProbability_lastOneWins_likePointRows() {
        List<Tag> tags = new ArrayList<>(TAGS);
        tags.add(new Tag("bucket", "bad"));
        Point p = raw(tags, List.of(new Field("probability", 0.2), new Field("probability", 0.4)));

        PredictionRow row = (PredictionRow) mapped(p);

        assertThat(row.bucket()).isEqualTo("bad");
        assertThat(row.probability()).isEqualTo(0.4);
    }

    @Test
    void copyText_ofAPredictionAndAnAlert_followsTheirColumnLists() {
        Prediction prediction = prediction(0.25, new Contribution("smart_5_raw", 0.5));
        Row p = mapped(point(PredictionPoints.PREDICTION, prediction));
        Row a = mapped(point(PredictionPoints.ALERT, prediction));
        String top = "[{\"feature\":\"smart_5_raw\",\"contribution\":0.5}]";

        assertThat(CopyEncoding.columns(PartitionedTable.PREDICTIONS)).isEqualTo("region, drive, ts, model_version, host, probability, bucket, top_features");
        assertThat(new String(CopyEncoding.encode(List.of(p), CopyFormat.TEXT), StandardCharsets.UTF_8))
                .isEqualTo("eu\tZA1\t2025-11-28 10:00:00.123456+00\tv3\th1\t0.25\tbad\t" + top + "\n");
        assertThat(CopyEncoding.columns(PartitionedTable.ALERTS)).isEqualTo("region, drive, raised_at, host, model_version, probability, bucket, top_features");
        assertThat(new String(CopyEncoding.encode(List.of(a), CopyFormat.TEXT), StandardCharsets.UTF_8))
                .isEqualTo("eu\tZA1\t2025-11-28 10:00:00.123456+00\th1\tv3\t0.25\tbad\t" + top + "\n");
    }

    @Test
    void rowWithProbabilityOutside0To1_cannotBeBuilt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertRow("eu", "h", "d", 0, "v", 2, "bad", "[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("probability must be in 0..1, was 2.0");
    }
}
