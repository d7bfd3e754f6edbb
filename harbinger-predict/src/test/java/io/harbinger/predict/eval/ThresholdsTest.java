package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Drives.drive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    private final List<DriveScores> validation = Drives.smallFleet();

    @Test
    void forFalseAlarmRate_picks_the_lowest_drive_score_within_the_budget() {
        assertThat(Thresholds.forFalseAlarmRate(validation, 10, 0.2)).isEqualTo(0.55);
        assertThat(Thresholds.forFalseAlarmRate(validation, 10, 0.5)).isEqualTo(0.5);
        assertThat(Thresholds.forFalseAlarmRate(validation, 10, 1.0)).isEqualTo(0.1);
    }

    @Test
    void forFalseAlarmRate_of_zero_keeps_the_highest_scores_that_are_all_failed_drives() {
        assertThat(Thresholds.forFalseAlarmRate(validation, 10, 0.0)).isEqualTo(0.8);
    }

    @Test
    void forFalseAlarmRate_goes_just_above_the_highest_score_when_even_it_exceeds_the_budget() {
        List<DriveScores> fleet = List.of(drive("h").days(0, 3, 0.9).build(), drive("f").failsOn(3).days(0, 3, 0.4).build());
        double t = Thresholds.forFalseAlarmRate(fleet, 10, 0.0);
        assertThat(t).isGreaterThan(0.9).isLessThan(0.9 + 1e-9);
        assertThat(Evaluation.of(fleet, 10, t).model().falseAlarms()).isZero();
    }

    @Test
    void forFalseAlarmRate_rejects_invalid_inputs_with_a_precise_message() {
        DriveScores failed = drive("f").failsOn(3).days(0, 3, 0.4).build();
        assertThatThrownBy(() -> Thresholds.forFalseAlarmRate(List.of(), 10, 0.1)).hasMessage("drives must be a non-empty list");
        assertThatThrownBy(() -> Thresholds.forFalseAlarmRate(validation, 10, 1.5)).hasMessage("maxFalseAlarmRate must be in 0..1, was 1.5");
        assertThatThrownBy(() -> Thresholds.forFalseAlarmRate(validation, 10, Double.NaN)).hasMessage("maxFalseAlarmRate must be in 0..1, was NaN");
        assertThatThrownBy(() -> Thresholds.forFalseAlarmRate(validation, 0, 0.1)).hasMessage("horizonDays must be >= 1, was 0");
        assertThatThrownBy(() -> Thresholds.forFalseAlarmRate(List.of(failed), 10, 0.1))
                .hasMessage("validation must hold at least one healthy drive to measure a false-alarm rate, all 1 failed");
        assertThatThrownBy(() -> Thresholds.forFalseAlarmRate(List.of(drive("h").build()), 10, 0.1))
                .hasMessage("validation has no drive score: no healthy drive has a scored day and no failed drive one in its window");
    }
}
