package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Drives.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbinger.schema.prediction.Bucket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputsTest {
    @Test
    void scoredDay_rejects_a_probability_outside_0_to_1_or_NaN() {
        assertThatThrownBy(() -> new ScoredDay(day(0), 1.5, false, false, Bucket.GOOD)).hasMessage("probability must be in 0..1, was 1.5 on 2024-01-01");
        assertThatThrownBy(() -> new ScoredDay(day(0), Double.NaN, false, false, Bucket.GOOD)).hasMessageContaining("was NaN");
        assertThatThrownBy(() -> new ScoredDay(null, 0.5, false, false, Bucket.GOOD)).hasMessage("day must be non-null");
        assertThatThrownBy(() -> new ScoredDay(day(0), 0.5, false, false, null)).hasMessage("bucket must be non-null on 2024-01-01");
    }

    @Test
    void driveScores_rejects_days_out_of_order_and_duplicate_days() {
        ScoredDay d1 = new ScoredDay(day(1), 0.1, false, false, Bucket.GOOD);
        ScoredDay d2 = new ScoredDay(day(2), 0.1, false, false, Bucket.GOOD);
        assertThatThrownBy(() -> DriveScores.healthy("x", List.of(d2, d1)))
                .hasMessage("days of drive x must be strictly increasing: 2024-01-02 after 2024-01-03 at index 1");
        assertThatThrownBy(() -> DriveScores.healthy("x", List.of(d1, d1)))
                .hasMessage("days of drive x must be strictly increasing: duplicate day 2024-01-02 at index 1");
    }

    @Test
    void driveScores_rejects_a_scored_day_after_the_failure() {
        assertThatThrownBy(() -> DriveScores.failed("x", day(1), List.of(new ScoredDay(day(2), 0.1, false, false, Bucket.GOOD))))
                .hasMessage("drive x failed on 2024-01-02 but has a scored day after it: 2024-01-03");
    }

    @Test
    void driveScores_rejects_a_blank_name_and_a_null_failedOn() {
        assertThatThrownBy(() -> DriveScores.healthy(" ", List.of())).hasMessage("drive must be non-blank");
        assertThatThrownBy(() -> new DriveScores("x", null, List.of())).hasMessageContaining("failedOn must be non-null");
    }

    @Test
    void driveScores_copies_its_days() {
        var days = new java.util.ArrayList<>(List.of(new ScoredDay(day(1), 0.1, false, false, Bucket.GOOD)));
        DriveScores d = new DriveScores("x", Optional.empty(), days);
        days.clear();
        assertThat(d.days()).hasSize(1);
    }
}
