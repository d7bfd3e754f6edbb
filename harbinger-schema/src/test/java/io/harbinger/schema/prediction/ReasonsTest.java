package io.harbinger.schema.prediction;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonsTest {
    private static final Instant DAY_10 = Instant.parse("2026-11-10T00:00:00Z");

    private static Contribution c(String feature, double contribution, double value) {
        return new Contribution(feature, contribution, value);
    }

    private static Reasons.Reading reading(int daysBefore, long pending) {
        return new Reasons.Reading(DAY_10.minus(daysBefore, ChronoUnit.DAYS), Map.of(197, pending, 5, 8L));
    }

    @Test
    void aSmartChange_isToldWithItsWindow_andTheCurrentValueWhenScored() {
        assertThat(Reasons.of(List.of(c("smart_197_change_7d", 1.9, 24), c("smart_197_raw", 0.4, 24))))
                .containsExactly("SMART 197 current pending sectors grew by 24 in 7 days (now 24)");
        assertThat(Reasons.of(List.of(c("smart_5_change_1d", 0.3, 0))))
                .containsExactly("SMART 5 reallocated sectors unchanged in 1 day");
        assertThat(Reasons.of(List.of(c("smart_198_change_30d", 0.3, -2))))
                .containsExactly("SMART 198 offline uncorrectable sectors fell by 2 in 30 days");
        assertThat(Reasons.of(List.of(c("smart_187_raw", 0.3, 12)))).containsExactly("SMART 187 reported uncorrectable errors at 12");
    }

    @Test
    void temperatureFeatures_makeOneSentence() {
        assertThat(Reasons.of(List.of(c("temperature_mean_7d", 0.5, 49.04), c("smart_5_raw", 0.2, 8), c("temperature", 0.3, 52))))
                .containsExactly("temperature 52 °C, 7-day mean 49.04 °C", "SMART 5 reallocated sectors at 8");
    }

    @Test
    void onlyWhatPushedTowardsFailure_isTold_unlessNothingDid() {
        assertThat(Reasons.of(List.of(c("smart_197_raw", 1.0, 24), c("power_on_hours", -0.4, 20512))))
                .containsExactly("SMART 197 current pending sectors at 24");
        assertThat(Reasons.of(List.of(c("power_on_hours", -0.4, 20512)))).containsExactly("power-on hours 20512 (2.3 years)");
        assertThat(Reasons.of(List.of())).isEmpty();
    }

    @Test
    void unknownValues_andOtherFeatures_readAsWords() {
        assertThat(Reasons.of(List.of(c("smart_197_change_7d", 1, Double.NaN), c("days_since_first_error", 0.5, 12),
                c("error_growth_days_30d", 0.4, 5), c("days_since_previous_reading", 0.3, 4), c("load_cycles_per_day_7d", 0.2, 35.5),
                c("made_up_feature", 0.1, 3))))
                .containsExactly("SMART 197 current pending sectors (value unknown)", "an error counter first went above 0 12 days ago",
                        "error counters grew on 5 of the last 30 days", "no reading for 4 days before this one", "load cycles 35.5 per day over 7 days",
                        "made up feature 3");
    }

    @Test
    void sharpened_tellsTheCounterFromTheReadings_fromItsLastValueBeforeTheGrowth() {
        List<Reasons.Reading> history = List.of(reading(9, 0), reading(6, 0), reading(4, 0), reading(3, 0), reading(2, 6), reading(1, 10), reading(0, 24));

        assertThat(Reasons.sharpened(List.of(c("smart_197_change_7d", 1.9, 24), c("smart_197_raw", 0.4, 24)), history))
                .containsExactly("SMART 197 current pending sectors 0 -> 24 in 3 days");
        assertThat(Reasons.sharpened(List.of(c("smart_5_raw", 0.5, 8)), history))
                .containsExactly("SMART 5 reallocated sectors unchanged at 8 over 6 days"); // the readings of its 7-day window span 6
    }

    @Test
    void sharpened_withoutReadingsOfTheAttribute_fallsBackToTheContribution() {
        assertThat(Reasons.sharpened(List.of(c("smart_188_raw", 0.5, 3)), List.of(reading(0, 1))))
                .containsExactly("SMART 188 command timeouts at 3");
    }

    @Test
    void counterDynamicsAndTransferFeatures_readAsWords() {
        assertThat(Reasons.of(List.of(c("smart_5_days_since_increase", 0.9, 0), c("smart_197_days_since_increase", 0.8, 4),
                c("smart_187_days_since_increase", 0.7, Double.NaN), c("smart_197_increases_30d", 0.6, 3),
                c("pending_to_reallocated_30d", 0.5, 14), c("error_counters_nonzero", 0.4, 2), c("error_counters_nonzero", 0.3, 1))))
                .containsExactly("SMART 5 reallocated sectors last rose today", "SMART 197 current pending sectors last rose 4 days ago",
                        "SMART 187 reported uncorrectable errors has not risen in 30 days", "SMART 197 current pending sectors rose on 3 readings of the last 30 days",
                        "14 pending sectors became reallocated in 30 days", "2 error counters above 0", "1 error counter above 0");
    }

    @Test
    void withFacts_tellsACountersDynamicsAndTheTransfer_byThatCountersFact() {
        List<Contribution> top = List.of(c("smart_197_raw", 5.7, 6656), c("smart_5_days_since_increase", 1.1, 0), c("pending_to_reallocated_30d", 0.4, 0),
                c("error_growth_days_30d", 1.0, 2));
        assertThat(Reasons.withFacts(top, List.of("SMART 197 current pending sectors 0 -> 6656 in 2 days", "SMART 5 reallocated sectors 0 -> 272 in 1 day")))
                .containsExactly("SMART 197 current pending sectors 0 -> 6656 in 2 days", "SMART 5 reallocated sectors 0 -> 272 in 1 day",
                        "error counters grew on 2 of the last 30 days");
        assertThat(io.harbinger.schema.disk.CounterFeatures.attributesOf("pending_to_reallocated_30d")).containsExactly(197, 5);
        assertThat(io.harbinger.schema.disk.CounterFeatures.attributesOf("smart_188_increases_30d")).containsExactly(188);
        assertThat(io.harbinger.schema.disk.CounterFeatures.attributesOf("temperature")).isEmpty();
    }

    @Test
    void withFacts_tellsTheFactsFirst_thenOnlyTheContributionsNoFactTells() {
        List<Contribution> top = List.of(c("smart_197_change_7d", 1.9, 24), c("temperature", 0.5, 52), c("smart_5_raw", 0.2, 8));

        assertThat(Reasons.withFacts(top, List.of("SMART 197 current pending sectors 0 -> 24 in 3 days", "SMART 5 reallocated sectors unchanged at 8 over 30 days")))
                .containsExactly("SMART 197 current pending sectors 0 -> 24 in 3 days", "SMART 5 reallocated sectors unchanged at 8 over 30 days",
                        "temperature 52 °C");
        assertThat(Reasons.withFacts(top, List.of())).isEqualTo(Reasons.of(top));
        assertThat(Reasons.withFacts(List.of(c("smart_19_raw", 1, 1)), List.of("SMART 197 current pending sectors 0 -> 24 in 3 days")))
                .as("SMART 19 is not told by a fact of SMART 197").containsExactly("SMART 197 current pending sectors 0 -> 24 in 3 days", "SMART 19 at 1");
    }
}
