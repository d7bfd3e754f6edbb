package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Drives.drive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final double EPS = 1e-12;

    @Test
    void figures_with_every_weight_one_are_the_evaluations_own() {
        Evaluation e = Evaluation.of(Drives.smallFleet(), 10, 0.5);
        double[] f = FleetFacts.of(e.drives(), 10, 0.5).figures(ones(e.drives().size()));
        assertThat(f).containsExactly(new double[] {
                e.model().recall(), e.model().falseAlarmRate(), e.model().precision(), e.model().leadTimes().median(),
                e.rule().recall(), e.rule().falseAlarmRate(), e.rule().precision(), e.rule().leadTimes().median(),
                e.deltaRule().recall(), e.deltaRule().falseAlarmRate(), e.deltaRule().precision(), e.deltaRule().leadTimes().median(),
                e.modelAtRuleFalseAlarmRate().recall(), e.modelAtDeltaFalseAlarmRate().recall(), e.recallGainOverDeltaRule()}, within(EPS));
    }

    @Test
    void figures_count_a_drive_drawn_twice_twice_and_an_undrawn_one_not_at_all() {
        // smallFleet order: f1 f2 f3 h1 h2 h3 h4 h5; f1 twice, f3 once (model recalls both), h5 once (false alarm)
        double[] f = FleetFacts.of(Drives.smallFleet(), 10, 0.5).figures(new int[] {2, 0, 1, 0, 0, 0, 0, 1});
        assertThat(f[Figure.MODEL_RECALL.ordinal()]).isEqualTo(1.0);
        assertThat(f[Figure.MODEL_PRECISION.ordinal()]).isCloseTo(0.75, within(EPS));
        assertThat(f[Figure.MODEL_MEDIAN_LEAD_TIME.ordinal()]).isEqualTo(7.0);  // leads 7, 7, 13
        assertThat(f[Figure.RULE_RECALL.ordinal()]).isCloseTo(2.0 / 3, within(EPS));
        assertThat(f[Figure.RULE_FALSE_ALARM_RATE.ordinal()]).isZero();
    }

    @Test
    void intervals_of_a_fleet_of_identical_drives_have_zero_width() {
        List<DriveScores> fleet = new ArrayList<>();
        for (int i = 0; i < 30; i++) fleet.add(drive("f" + i).failsOn(20).days(0, 20, 0.1).probability(13, 0.9).rule(15).delta(18).build());
        Intervals ci = Bootstrap.intervals(Evaluation.of(fleet, 10, 0.5), 200, 1);
        assertThat(ci.model().recall()).isEqualTo(new Interval(1, 1));
        assertThat(ci.model().medianLeadTime()).isEqualTo(new Interval(7, 7));
        assertThat(ci.rule().medianLeadTime()).isEqualTo(new Interval(5, 5));
        assertThat(ci.deltaRule().recall()).isEqualTo(new Interval(1, 1));
        assertThat(ci.recallGainOverDeltaRule()).isEqualTo(new Interval(0, 0));
        assertThat(ci.model().falseAlarmRate().isDefined()).as("no healthy drive: no false-alarm rate").isFalse();
    }

    @Test
    void intervals_hold_the_known_recall_and_have_the_binomial_width() {
        Evaluation e = Evaluation.of(halfRecalledFleet(), 10, 0.5);
        Intervals ci = Bootstrap.intervals(e);
        assertThat(e.model().recall()).isEqualTo(0.5);
        assertThat(ci.model().recall().contains(0.5)).isTrue();
        // 40 failed drives, p = 0.5: standard error 0.079, so a 95% interval about +-0.155
        assertThat(ci.model().recall().width()).isBetween(0.22, 0.40);
        assertThat(ci.model().falseAlarmRate().contains(e.model().falseAlarmRate())).isTrue();
        assertThat(ci.modelRecallAtDeltaFalseAlarmRate().contains(e.modelAtDeltaFalseAlarmRate().recall())).isTrue();
        assertThat(ci.recallGainOverDeltaRule().contains(e.recallGainOverDeltaRule())).isTrue();
    }

    @Test
    void intervals_are_reproducible_with_a_seed_and_change_with_another() {
        Evaluation e = Evaluation.of(halfRecalledFleet(), 10, 0.5);
        assertThat(Bootstrap.intervals(e, 300, 7)).isEqualTo(Bootstrap.intervals(e, 300, 7));
        assertThat(Bootstrap.intervals(e, 300, 7)).isNotEqualTo(Bootstrap.intervals(e, 300, 8));
        assertThat(Bootstrap.intervals(e).resamples()).isEqualTo(Bootstrap.DEFAULT_RESAMPLES);
    }

    @Test
    void intervals_reject_no_resamples_and_interval_rejects_lo_above_hi() {
        Evaluation e = Evaluation.of(Drives.smallFleet(), 10, 0.5);
        assertThatThrownBy(() -> Bootstrap.intervals(e, 0, 1)).hasMessage("resamples must be >= 1, was 0");
        assertThatThrownBy(() -> new Interval(0.5, 0.4)).hasMessage("interval needs lo <= hi (or both NaN), was [0.5, 0.4]");
    }

    @Test
    void interval_is_the_2_5th_and_97_5th_percentile_of_the_defined_values() {
        double[] values = Stream.iterate(0.0, v -> v + 1).limit(101).mapToDouble(Double::doubleValue).toArray();
        double[] withNaN = Arrays.copyOf(values, 102);
        withNaN[101] = Double.NaN;
        assertThat(Bootstrap.interval(withNaN)).isEqualTo(new Interval(2.5, 97.5));
        assertThat(Bootstrap.interval(new double[] {Double.NaN})).isEqualTo(Interval.UNDEFINED);
    }

    @Test
    void median_of_a_histogram_interpolates_like_leadTimes() {
        assertThat(FleetFacts.median(new long[] {0, 1, 0, 1}, 2)).isEqualTo(2.0);
        assertThat(FleetFacts.median(new long[] {0, 2, 0, 1}, 3)).isEqualTo(1.0);
        assertThat(FleetFacts.median(new long[] {0}, 0)).isNaN();
    }

    @Test
    void intervals_of_15000_drives_take_well_under_a_few_seconds() {
        Evaluation e = Evaluation.of(Fleets.large(15_000, 90), 10, 0.5);
        long start = System.nanoTime();
        Bootstrap.intervals(e);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).as("1000 resamples of 15 000 drives took %.2f s", seconds).isLessThan(5.0);
    }

    /** 40 failed drives, 20 of them recalled by the model; 400 healthy, 8 false alarms; the delta rule recalls 16 with 10 false alarms. */
    static List<DriveScores> halfRecalledFleet() {
        List<DriveScores> fleet = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Drives d = drive("f" + i).failsOn(30).days(0, 30, 0.1);
            if (i < 20) d.probability(25, 0.9);
            if (i >= 14 && i < 30) d.delta(27);
            fleet.add(d.build());
        }
        for (int i = 0; i < 400; i++) {
            Drives d = drive("h" + i).days(0, 30, 0.05);
            if (i < 8) d.probability(10, 0.6 + i / 100.0);
            if (i >= 5 && i < 15) d.delta(12);
            fleet.add(d.build());
        }
        return fleet;
    }

    private static int[] ones(int n) {
        int[] w = new int[n];
        Arrays.fill(w, 1);
        return w;
    }
}
