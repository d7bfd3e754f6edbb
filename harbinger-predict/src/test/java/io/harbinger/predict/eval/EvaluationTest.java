package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Drives.day;
import static io.harbinger.predict.eval.Drives.drive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final double EPS = 1e-12;
    private final Evaluation e = Evaluation.of(Drives.smallFleet(), 10, 0.5);

    @Test
    void model_counts_recalled_falseAlarms_and_earlyOnly_drives() {
        Metrics m = e.model();
        assertThat(List.of(m.drives(), m.failed(), m.healthy(), m.recalled(), m.falseAlarms(), m.earlyOnly(), m.missed()))
                .containsExactly(8, 3, 5, 2, 2, 1, 1);
        assertThat(m.recall()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(m.falseAlarmRate()).isCloseTo(0.4, within(EPS));
        assertThat(m.precision()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void model_leadTime_runs_from_the_first_flag_in_the_whole_period() {
        assertThat(e.model().leadTimes().days()).containsExactly(7, 13);
        assertThat(e.model().leadTimes().median()).isEqualTo(10.0);
    }

    @Test
    void rule_counts_with_the_rule_flag_not_the_probability() {
        Metrics r = e.rule();
        assertThat(List.of(r.recalled(), r.falseAlarms(), r.earlyOnly())).containsExactly(2, 3, 0);
        assertThat(r.recall()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(r.falseAlarmRate()).isCloseTo(0.6, within(EPS));
        assertThat(r.precision()).isCloseTo(0.4, within(EPS));
        assertThat(r.leadTimes().days()).containsExactly(1, 17);
    }

    @Test
    void deltaRule_counts_with_the_delta_flag() {
        Metrics d = e.deltaRule();
        assertThat(List.of(d.recalled(), d.falseAlarms(), d.earlyOnly())).containsExactly(2, 1, 0);
        assertThat(d.falseAlarmRate()).isCloseTo(0.2, within(EPS));
        assertThat(d.leadTimes().days()).containsExactly(2, 4);
    }

    @Test
    void modelAtDeltaFalseAlarmRate_is_the_lowest_threshold_with_at_most_the_delta_rules_false_alarms() {
        OperatingPoint p = e.modelAtDeltaFalseAlarmRate();
        assertThat(p.threshold()).isEqualTo(0.55);
        assertThat(List.of(p.maxFalseAlarms(), p.recalled(), p.falseAlarms())).containsExactly(1, 2, 1);
        assertThat(p.recall()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(e.recallGainOverDeltaRule()).isCloseTo(0, within(EPS));
    }

    @Test
    void modelAtRuleFalseAlarmRate_uses_the_rules_three_false_alarms() {
        OperatingPoint p = e.modelAtRuleFalseAlarmRate();
        assertThat(p.threshold()).isEqualTo(0.3);
        assertThat(p.recall()).isEqualTo(1.0);
        assertThat(p.falseAlarmRate()).isCloseTo(0.6, within(EPS));
    }

    @Test
    void modelAtDeltaFalseAlarmRate_flags_nothing_when_even_the_highest_score_is_over_budget() {
        List<DriveScores> fleet = List.of(drive("f").failsOn(5).days(0, 5, 0.4).delta(5).build(), drive("h").days(0, 5, 0.9).build());
        Evaluation ev = Evaluation.of(fleet, 10, 0.5);
        assertThat(ev.modelAtDeltaFalseAlarmRate().flagsNothing()).isTrue();
        assertThat(ev.modelAtDeltaFalseAlarmRate().recall()).isZero();
        assertThat(ev.recallGainOverDeltaRule()).isEqualTo(-1.0);
    }

    @Test
    void prCurve_has_one_point_per_distinct_drive_score_highest_first() {
        assertThat(e.prCurve()).extracting(PrPoint::threshold).containsExactly(0.8, 0.6, 0.55, 0.5, 0.45, 0.3, 0.2, 0.1);
        assertThat(e.prCurve()).extracting(PrPoint::truePositives).containsExactly(1, 1, 2, 2, 2, 3, 3, 3);
        assertThat(e.prCurve()).extracting(PrPoint::falsePositives).containsExactly(0, 1, 1, 2, 3, 3, 4, 5);
        PrPoint atThreshold = e.prCurve().get(3);
        assertThat(atThreshold.recall()).isEqualTo(e.model().recall());
        assertThat(atThreshold.falseAlarmRate()).isEqualTo(e.model().falseAlarmRate());
        assertThat(atThreshold.precision()).isEqualTo(e.model().precision());
    }

    @Test
    void prAuc_is_the_average_precision_at_the_ranks_of_the_failed_drives() {
        assertThat(e.prAuc()).isCloseTo((1 + 2.0 / 3 + 0.5) / 3, within(EPS));
    }

    @Test
    void prAuc_gives_tied_positives_the_precision_of_their_whole_tie_group() {
        List<DriveScores> fleet = List.of(
                drive("p1").failsOn(5).days(0, 5, 0.7).build(),
                drive("n1").days(0, 5, 0.7).build(),
                drive("p2").failsOn(5).days(0, 5, 0.3).build());
        assertThat(Evaluation.of(fleet, 10, 0.5).prAuc()).isCloseTo((0.5 + 2.0 / 3) / 2, within(EPS));
    }

    @Test
    void prAuc_counts_a_failed_drive_without_a_day_in_its_window_as_never_found() {
        List<DriveScores> fleet = List.of(
                drive("p1").failsOn(20).days(0, 20, 0.9).build(),
                drive("p2").failsOn(20).days(0, 5, 0.9).build(),
                drive("n1").days(0, 20, 0.1).build());
        Evaluation ev = Evaluation.of(fleet, 10, 0.5);
        assertThat(ev.prAuc()).isCloseTo(0.5, within(EPS));
        assertThat(ev.model().earlyOnly()).isEqualTo(1);
    }

    @Test
    void modelFalseAlarmRateAtRuleRecall_uses_the_highest_threshold_reaching_the_rule_recall() {
        assertThat(e.thresholdAtRuleRecall()).isEqualTo(0.55);
        assertThat(e.modelFalseAlarmRateAtRuleRecall()).isCloseTo(0.2, within(EPS));
    }

    @Test
    void modelFalseAlarmRateAtRuleRecall_is_zero_when_the_rule_recalls_nothing() {
        List<DriveScores> fleet = List.of(drive("p1").failsOn(5).days(0, 5, 0.9).build(), drive("n1").days(0, 5, 0.95).rule(2).build());
        Evaluation ev = Evaluation.of(fleet, 10, 0.5);
        assertThat(ev.thresholdAtRuleRecall()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ev.modelFalseAlarmRateAtRuleRecall()).isZero();
    }

    @Test
    void window_excludes_the_day_exactly_horizon_days_before_the_failure() {
        DriveScores flaggedAtH = drive("f").failsOn(10).days(0, 10, 0.1).probability(0, 0.9).build();
        DriveScores flaggedAtHMinus1 = drive("g").failsOn(10).days(0, 10, 0.1).probability(1, 0.9).build();
        Evaluation ev = Evaluation.of(List.of(flaggedAtH, flaggedAtHMinus1), 10, 0.5);
        assertThat(ev.model().recalled()).isEqualTo(1);
        assertThat(ev.model().earlyOnly()).isEqualTo(1);
        assertThat(ev.model().leadTimes().days()).containsExactly(9);
    }

    @Test
    void rates_are_NaN_when_their_denominator_is_zero() {
        Evaluation ev = Evaluation.of(List.of(drive("h").days(0, 3, 0.1).build()), 10, 0.5);
        assertThat(ev.model().recall()).isNaN();
        assertThat(ev.model().precision()).isNaN();
        assertThat(ev.model().falseAlarmRate()).isZero();
        assertThat(ev.prAuc()).isNaN();
        assertThat(ev.modelFalseAlarmRateAtRuleRecall()).isZero();
    }

    @Test
    void of_reports_the_span_of_scored_days() {
        assertThat(e.firstDay()).contains(day(0));
        assertThat(e.lastDay()).contains(day(29));
    }

    @Test
    void of_rejects_an_empty_fleet_a_duplicate_drive_a_bad_horizon_and_a_bad_threshold() {
        DriveScores h = drive("h").days(0, 3, 0.1).build();
        assertThatThrownBy(() -> Evaluation.of(List.of(), 10, 0.5)).hasMessage("drives must be a non-empty list");
        assertThatThrownBy(() -> Evaluation.of(List.of(h, h), 10, 0.5)).hasMessage("drive h appears more than once");
        assertThatThrownBy(() -> Evaluation.of(List.of(h), 0, 0.5)).hasMessage("horizonDays must be >= 1, was 0");
        assertThatThrownBy(() -> Evaluation.of(List.of(h), 10, Double.NaN)).hasMessage("threshold must be a finite number >= 0, was NaN");
        assertThatThrownBy(() -> Evaluation.of(List.of(h), 10, -0.1)).hasMessageContaining("was -0.1");
    }
}
