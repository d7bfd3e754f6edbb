package io.harbinger.predict.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    /** {@code rows} scores with outcomes drawn from a Platt model (a, b), weights all 1. */
    private static Object[] generated(double a, double b, int rows, long seed) {
        Random random = new Random(seed);
        double[] scores = new double[rows];
        boolean[] outcomes = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            double x = random.nextGaussian() * 2 - 1;
            scores[i] = 1 / (1 + Math.exp(-x));
            outcomes[i] = random.nextDouble() < 1 / (1 + Math.exp(-(a * Calibration.logit(scores[i]) + b)));
        }
        return new Object[] {scores, outcomes};
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    @Test
    void fit_toOutcomesDrawnFromAKnownCalibration_recoversIt() {
        for (double[] ab : new double[][] {{1.7, -2.3}, {0.6, 0.8}, {1, 0}}) {
            Object[] data = generated(ab[0], ab[1], 200_000, 7);
            Calibration fitted = Calibration.fit((double[]) data[0], (boolean[]) data[1], ones(200_000));
            assertThat(fitted.a()).as("a of %s", Arrays.toString(ab)).isCloseTo(ab[0], within(0.03));
            assertThat(fitted.b()).as("b of %s", Arrays.toString(ab)).isCloseTo(ab[1], within(0.03));
        }
    }

    @Test
    void fit_weighsRows_aWeightOfTwoIsTheRowTwice() {
        Object[] data = generated(1.3, -1, 2_000, 3);
        double[] scores = (double[]) data[0];
        boolean[] outcomes = (boolean[]) data[1];
        double[] weights = new double[scores.length];
        double[] twiceScores = new double[0];
        boolean[] twiceOutcomes = new boolean[0];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            weights[i] = i % 3 == 0 ? 2 : 1;
            int copies = (int) weights[i];
            twiceScores = Arrays.copyOf(twiceScores, n + copies);
            twiceOutcomes = Arrays.copyOf(twiceOutcomes, n + copies);
            for (int c = 0; c < copies; c++, n++) {
                twiceScores[n] = scores[i];
                twiceOutcomes[n] = outcomes[i];
            }
        }
        Calibration weighted = Calibration.fit(scores, outcomes, weights);
        Calibration replicated = Calibration.fit(twiceScores, twiceOutcomes, ones(n));
        assertThat(weighted.a()).isCloseTo(replicated.a(), within(1e-9));
        assertThat(weighted.b()).isCloseTo(replicated.b(), within(1e-9));
        assertThat(weighted).isNotEqualTo(Calibration.fit(scores, outcomes, ones(scores.length)));
    }

    @Test
    void fit_givingANonPositiveSlope_isRefusedSayingSo() {
        Object[] data = generated(-1.2, 0.5, 20_000, 9);
        assertThatThrownBy(() -> Calibration.fit((double[]) data[0], (boolean[]) data[1], ones(20_000)))
                .isInstanceOf(Calibration.FitException.class)
                .hasMessageStartingWith("Platt fit gives a = -1.")
                .hasMessageContaining("<= 0").hasMessageContaining("must preserve their order");
    }

    @Test
    void fit_ofScoresThatSeparateTheOutcomes_doesNotConverge_andSaysSo() {
        double[] scores = {0.1, 0.2, 0.3, 0.6, 0.7, 0.8};
        boolean[] outcomes = {false, false, false, true, true, true};
        assertThatThrownBy(() -> Calibration.fit(scores, outcomes, ones(6)))
                .isInstanceOf(Calibration.FitException.class)
                .hasMessageContaining("separate the outcomes");
    }

    @Test
    void fit_refusesBadInputs_namingThem() {
        assertThatThrownBy(() -> Calibration.fit(new double[2], new boolean[2], new double[1]))
                .hasMessage("scores, outcomes and weights must have one length, were 2, 2, 1");
        assertThatThrownBy(() -> Calibration.fit(new double[] {0.5, 1.5}, new boolean[] {true, false}, ones(2)))
                .hasMessage("score 1 must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> Calibration.fit(new double[] {0.5, 0.5}, new boolean[] {true, false}, new double[] {1, -1}))
                .hasMessage("weight 1 must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> Calibration.fit(new double[] {0.5, 0.4}, new boolean[] {true, false}, new double[] {1, 0}))
                .hasMessage("a calibration needs both outcomes with weight > 0, had 1.0 positive and 0.0 negative");
    }

    @Test
    void risk_isPlattScaling_increasing_andClampsTheScore() {
        Calibration c = new Calibration(2, -1);
        assertThat(c.risk(0.5)).isCloseTo(1 / (1 + Math.exp(1)), within(1e-15));
        assertThat(c.risk(0.9)).isCloseTo(1 / (1 + Math.exp(-(2 * Math.log(9) - 1))), within(1e-15));
        assertThat(c.risk(0)).isEqualTo(c.risk(Calibration.EPSILON)).isPositive();
        assertThat(c.risk(1)).isEqualTo(c.risk(1 - Calibration.EPSILON)).isLessThan(1);
        double previous = -1;
        for (int i = 0; i <= 1000; i++) {
            double r = c.risk(i / 1000.0);
            assertThat(r).isGreaterThan(previous);
            previous = r;
        }
    }

    @Test
    void identity_returnsTheScoreItself_bitForBit() {
        for (double s : new double[] {0, 1e-9, 0.123456789f, 0.5, 1}) assertThat(Calibration.IDENTITY.risk(s)).isEqualTo(s);
    }

    @Test
    void constructor_refusesANonPositiveOrNonFiniteSlope() {
        assertThatThrownBy(() -> new Calibration(0, 0)).hasMessage("calibration slope a must be finite and > 0 (order-preserving), was 0.0");
        assertThatThrownBy(() -> new Calibration(Double.NaN, 0)).hasMessageContaining("was NaN");
        assertThatThrownBy(() -> new Calibration(Double.POSITIVE_INFINITY, 0)).hasMessageContaining("was Infinity");
        assertThatThrownBy(() -> new Calibration(1, Double.NaN)).hasMessage("calibration intercept b must be finite, was NaN");
    }
}
