package io.harbinger.predict.model;

import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Bucket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbinger.predict.feature.Features;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FailureModelTest {
    private static final int ROWS = 300;
    private static FailureModel model;
    private static float[] rows;

    @BeforeAll
    static void train() {
        model = TestModels.model(1, 10);
        rows = TestModels.rows(ROWS, 11);
    }

    @AfterAll
    static void free() {
        model.close();
    }

    private static long[] history(int rows, long days) {
        long[] h = new long[rows];
        Arrays.fill(h, days);
        return h;
    }

    /** Steps 1-4 for rows of unrelated drives on their only scored day, with a single-day alarm: the persistence score is the raw probability. */
    private static List<Prediction> scoreAlone(FailureModel m, float[] features, int n, long[] historyDays) {
        float[] raw = m.probabilities(features, n);
        double[] persistence = new double[n];
        for (int r = 0; r < n; r++) persistence[r] = raw[r];
        return m.score(features, n, persistence, historyDays);
    }

    /** Scores {@link #rows} in batches of {@code batch} rows, as the stream (small batches) or evaluation (large) would. */
    private static List<Prediction> scoreInBatches(int batch) {
        List<Prediction> out = new ArrayList<>();
        for (int from = 0; from < ROWS; from += batch) {
            int n = Math.min(batch, ROWS - from);
            out.addAll(scoreAlone(model, Arrays.copyOfRange(rows, from * Features.COUNT, (from + n) * Features.COUNT), n, history(n, 30)));
        }
        return out;
    }

    private static float[] probabilitiesInBatches(int batch) {
        float[] out = new float[ROWS];
        for (int from = 0; from < ROWS; from += batch) {
            int n = Math.min(batch, ROWS - from);
            System.arraycopy(model.probabilities(Arrays.copyOfRange(rows, from * Features.COUNT, (from + n) * Features.COUNT), n), 0, out, from, n);
        }
        return out;
    }

    @Test
    void score_andProbabilities_agreeBitForBit_whateverTheBatchSizes() {
        float[] reference = model.probabilities(rows, ROWS);
        assertThat(new java.util.HashSet<>(boxed(reference))).as("the synthetic model separates rows").hasSizeGreaterThan(5);
        for (int batch : new int[] {1, 7, 64, ROWS}) {
            List<Prediction> scored = scoreInBatches(batch);
            float[] probabilities = probabilitiesInBatches(batch);
            for (int r = 0; r < ROWS; r++) {
                assertThat(Float.floatToRawIntBits((float) scored.get(r).probability())).as("score, batch %d, row %d", batch, r)
                        .isEqualTo(Float.floatToRawIntBits(reference[r]));
                assertThat(scored.get(r).probability()).isEqualTo((double) reference[r]);
                assertThat(Float.floatToRawIntBits(probabilities[r])).as("probabilities, batch %d, row %d", batch, r)
                        .isEqualTo(Float.floatToRawIntBits(reference[r]));
            }
        }
    }

    private static List<Float> boxed(float[] values) {
        List<Float> out = new ArrayList<>();
        for (float v : values) out.add(v);
        return out;
    }

    @Test
    void score_explainsWithAtMostThreeContributions_largestMagnitudeFirst() {
        List<Prediction> scored = scoreAlone(model, rows, ROWS, history(ROWS, 30));
        assertThat(scored).hasSize(ROWS).allSatisfy(p -> {
            assertThat(p.modelVersion()).isEqualTo(model.version());
            assertThat(p.topFeatures()).hasSizeLessThanOrEqualTo(FailureModel.TOP_FEATURES);
            List<Double> magnitudes = p.topFeatures().stream().map(c -> Math.abs(c.contribution())).toList();
            assertThat(magnitudes).isSortedAccordingTo((a, b) -> Double.compare(b, a)).allSatisfy(m -> assertThat(m).isPositive());
            assertThat(p.topFeatures()).allSatisfy(c -> assertThat(Features.NAMES).contains(c.feature()));
        });
        assertThat(scored).anySatisfy(p -> assertThat(p.topFeatures()).hasSize(FailureModel.TOP_FEATURES));
        for (int r = 0; r < ROWS; r++) {
            int row = r;
            assertThat(scored.get(r).topFeatures()).as("each contribution carries the value its row scored").allSatisfy(c ->
                    assertThat(Double.valueOf(c.value())).isEqualTo(Double.valueOf(rows[row * Features.COUNT + Features.NAMES.indexOf(c.feature())])));
        }
        assertThat(scored).as("the model learnt the first error counter").anySatisfy(p ->
                assertThat(p.topFeatures()).extracting(Contribution::feature).contains("smart_5_raw"));
    }

    @Test
    void score_explainsWarningAndBadPredictionsOnly() {
        List<Prediction> scored = scoreAlone(model, rows, ROWS, history(ROWS, 30));
        assertThat(scored).filteredOn(p -> p.bucket() == Bucket.GOOD || p.bucket() == Bucket.UNKNOWN)
                .isNotEmpty().allSatisfy(p -> assertThat(p.topFeatures()).isEmpty());
        assertThat(scored).filteredOn(p -> p.bucket() == Bucket.WARNING || p.bucket() == Bucket.BAD)
                .isNotEmpty().allSatisfy(p -> assertThat(p.topFeatures()).isNotEmpty());
    }

    @Test
    void top_dropsTheBiasAndZeros_breaksTiesByFeatureOrder_andCarriesEachFeaturesValueInItsRow() {
        float[] contributions = new float[Features.COUNT + 1];
        contributions[Features.COUNT] = 100; // the bias term
        contributions[4] = -0.5f;
        contributions[2] = 0.5f;
        contributions[9] = 0.25f;
        contributions[1] = 0.75f;
        contributions[7] = 0.1f;
        float[] rows = new float[2 * Features.COUNT]; // the second row's values are the ones explained
        java.util.Arrays.fill(rows, -1);
        rows[Features.COUNT + 1] = 24;
        rows[Features.COUNT + 2] = Float.NaN;
        rows[Features.COUNT + 4] = 3.5f;
        assertThat(FailureModel.top(contributions, rows, Features.COUNT)).containsExactly(
                new Contribution(Features.NAMES.get(1), 0.75f, 24),
                new Contribution(Features.NAMES.get(2), 0.5f, Double.NaN),
                new Contribution(Features.NAMES.get(4), -0.5f, 3.5));
        float[] few = new float[Features.COUNT + 1];
        few[3] = -2;
        assertThat(FailureModel.top(few, rows, 0)).containsExactly(new Contribution(Features.NAMES.get(3), -2, -1));
        assertThat(FailureModel.top(new float[Features.COUNT + 1], rows, 0)).isEmpty();
    }

    @Test
    void score_bucketsEachRowByTheModelsThresholdsAndTheDrivesHistory() {
        long[] historyDays = new long[ROWS];
        for (int r = 0; r < ROWS; r++) historyDays[r] = r % 10;
        List<Prediction> scored = scoreAlone(model, rows, ROWS, historyDays);
        for (int r = 0; r < ROWS; r++) {
            Prediction p = scored.get(r);
            assertThat(p.bucket()).as("row %d", r).isEqualTo(TestModels.THRESHOLDS.bucket(p.probability(), p.probability(), historyDays[r]));
        }
        assertThat(scored).extracting(Prediction::bucket).contains(Bucket.BAD, Bucket.GOOD, Bucket.UNKNOWN);
    }

    @Test
    void score_ofNoRows_isEmpty_andOfTooFewValues_throws() {
        assertThat(model.score(new float[0], 0, new double[0], new long[0])).isEmpty();
        assertThat(model.probabilities(new float[0], 0)).isEmpty();
        assertThatThrownBy(() -> model.score(new float[Features.COUNT], 2, new double[2], new long[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 rows need " + 2 * Features.COUNT + " values");
        assertThatThrownBy(() -> model.probabilities(new float[Features.COUNT], 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 rows need " + 2 * Features.COUNT + " values");
    }

    @Test
    void assess_calibratesThePersistenceScore_andBucketsOnTheTwoRisks() {
        try (FailureModel calibrated = TestModels.calibrated()) {
            ModelInfo info = calibrated.info();
            for (double s = 0; s <= 1; s += 0.01) {
                Assessment a = calibrated.assess(s, 30);
                assertThat(a.risk()).isEqualTo(info.risk().risk(s)).isNotEqualTo(s);
                assertThat(a.bucket()).isEqualTo(info.thresholds().bucket(info.risk().risk(s), info.warningRisk().risk(s), 30));
                assertThat(calibrated.assess(s, 6).bucket()).isIn(Bucket.BAD, Bucket.UNKNOWN);
            }
            assertThat(java.util.stream.IntStream.rangeClosed(0, 100).mapToObj(i -> calibrated.assess(i / 100.0, 30).bucket()))
                    .contains(Bucket.GOOD, Bucket.WARNING, Bucket.BAD);
        }
    }

    @Test
    void assessDays_offline_equalsTheStreamsChain_bitForBit_forADrivesDaysWithGaps() {
        try (FailureModel calibrated = TestModels.calibrated()) {
            long[] days = new long[ROWS];
            long[] historyDays = new long[ROWS];
            for (int r = 0, day = 100; r < ROWS; r++, day += 1 + (r % 7 == 0 ? 2 : 0)) {
                days[r] = day;
                historyDays[r] = day - 99;
            }
            float[] raw = calibrated.probabilities(rows, ROWS);
            double[] asDoubles = new double[ROWS];
            for (int r = 0; r < ROWS; r++) asDoubles[r] = raw[r];
            Assessment[] offline = calibrated.assessDays(days, asDoubles, historyDays);

            io.harbinger.predict.feature.DriveHistory history = new io.harbinger.predict.feature.DriveHistory();
            List<Prediction> online = new ArrayList<>();
            for (int from = 0; from < ROWS; from += 16) { // batches of 16 rows of the one drive, as the processor does
                int n = Math.min(16, ROWS - from);
                float[] batch = Arrays.copyOfRange(rows, from * Features.COUNT, (from + n) * Features.COUNT);
                float[] batchRaw = calibrated.probabilities(batch, n);
                double[] persistence = new double[n];
                for (int r = 0; r < n; r++) persistence[r] = calibrated.info().alarm().record(days[from + r], batchRaw[r], history);
                online.addAll(calibrated.score(batch, n, persistence, Arrays.copyOfRange(historyDays, from, from + n)));
            }
            for (int r = 0; r < ROWS; r++) {
                assertThat(Double.doubleToRawLongBits(online.get(r).probability())).as("row %d", r).isEqualTo(Double.doubleToRawLongBits(offline[r].risk()));
                assertThat(online.get(r).bucket()).as("row %d", r).isEqualTo(offline[r].bucket());
            }
            assertThat(Arrays.stream(offline).map(Assessment::bucket)).contains(Bucket.GOOD, Bucket.BAD);
            Assessment[] singleDay = new Assessment[ROWS];
            for (int r = 0; r < ROWS; r++) singleDay[r] = calibrated.assess(raw[r], historyDays[r]);
            assertThat(offline).as("the 2-of-3 alarm changes what the model says").isNotEqualTo(singleDay);
        }
    }

    @Test
    void assessDays_refusesMismatchedLengths() {
        assertThatThrownBy(() -> model.assessDays(new long[2], new double[2], new long[1])).hasMessage("2 days but 1 history lengths");
    }
}
