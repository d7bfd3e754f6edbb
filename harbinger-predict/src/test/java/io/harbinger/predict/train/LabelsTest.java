package io.harbinger.predict.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Horizon 10 days; data known up to day 100; drive "F" failed on day 50. */
class LabelsTest {
    private final Labels labels = new Labels(Map.of("F", 50L), 10, 100);

    @Test
    void failedDrive_isPositiveOnItsFailureDayAndTheNineDaysBefore() {
        assertThat(labels.of("F", 50)).isEqualTo(Labels.POSITIVE);
        assertThat(labels.of("F", 41)).isEqualTo(Labels.POSITIVE);
        assertThat(labels.of("F", 40)).as("10 days ahead: beyond the horizon").isEqualTo(Labels.NEGATIVE);
        assertThat(labels.of("F", 0)).isEqualTo(Labels.NEGATIVE);
    }

    @Test
    void failedDrive_hasNoLabelAfterItsFailure() {
        assertThat(labels.of("F", 51)).isEqualTo(Labels.UNKNOWN);
        assertThat(labels.of("F", 99)).isEqualTo(Labels.UNKNOWN);
    }

    @Test
    void healthyDrive_isNegativeWhenItsHorizonEndsWithinTheKnownData() {
        assertThat(labels.of("H", 0)).isEqualTo(Labels.NEGATIVE);
        assertThat(labels.of("H", 90)).isEqualTo(Labels.NEGATIVE);
        // day 91's horizon is days 91..100, all known: no failure in it, so it is known not to fail
        assertThat(labels.of("H", 91)).isEqualTo(Labels.NEGATIVE);
    }

    @Test
    void healthyDrive_hasNoLabelOnTheLastDaysWhereItMightStillFailWithinTheHorizon() {
        assertThat(labels.of("H", 92)).isEqualTo(Labels.UNKNOWN);
        assertThat(labels.of("H", 100)).isEqualTo(Labels.UNKNOWN);
    }

    @Test
    void failureDayAfterLastKnownDay_stillLabelsByIt() {
        Labels late = new Labels(Map.of("L", 105L), 10, 100);
        assertThat(late.of("L", 96)).isEqualTo(Labels.POSITIVE);
    }

    @Test
    void failureDays_areCopied_andHorizonMustBePositive() {
        Map<String, Long> failures = new HashMap<>(Map.of("F", 50L));
        Labels l = new Labels(failures, 10, 100);
        failures.put("G", 60L);
        assertThat(l.of("G", 60)).as("a later change to the map is not seen").isNotEqualTo(Labels.POSITIVE);
        assertThatThrownBy(() -> new Labels(Map.of(), 0, 100)).hasMessageContaining("horizonDays must be >= 1, was 0");
    }
}
