package io.harbinger.predict.feature;

import static io.harbinger.predict.feature.Readings.epochDay;
import static io.harbinger.predict.feature.Readings.historyOf;
import static io.harbinger.predict.feature.Readings.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    /**
     * A drive with readings on days 0, 5, 7, 9, 12 and 13 (counted from {@link Readings#D0}):
     * SMART 5 grows 0, 2, 2, 2, 5, 8; 197 stays at 1 (an error from day 0); 187 is never reported;
     * temperature 40, 30, 22, NaN, 27, 29; LBAs written 1000 on day 5 and 1800 on day 13; load cycles
     * 10 on day 5 and 26 on day 13; LBAs read only on day 13.
     */
    private static DriveHistory drive() {
        return historyOf(
                on(0).smart(5, 0).smart(197, 1).smart(194, 40),
                on(5).smart(5, 2).smart(197, 1).smart(194, 30).smart(241, 1000).smart(193, 10),
                on(7).smart(5, 2).smart(197, 1).smart(194, 22),
                on(9).smart(5, 2).smart(197, 1),
                on(12).smart(5, 5).smart(197, 1).smart(194, 27),
                on(13).smart(5, 8).smart(197, 1).smart(194, 29).smart(9, 1000).smart(241, 1800).smart(242, 77).smart(193, 26));
    }

    private static float feature(float[] features, String name) {
        int i = Features.NAMES.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no feature " + name);
        return features[i];
    }

    @Test
    void names_areDistinct_andCountIsTheirNumber() {
        assertThat(Features.COUNT).isEqualTo(Features.NAMES.size()).isEqualTo(42);
        assertThat(new HashSet<>(Features.NAMES)).hasSize(Features.COUNT);
        assertThat(Features.NAMES).startsWith("smart_5_raw", "smart_5_change_1d", "smart_5_change_7d", "smart_5_change_30d",
                        "smart_5_days_since_increase", "smart_5_increases_30d")
                .endsWith("days_since_previous_reading", "pending_to_reallocated_30d", "error_counters_nonzero");
    }

    @Test
    void errorCounter_rawAndChanges_areToTheNewestReadingAtLeastThatManyDaysOlder() {
        float[] f = Features.compute(drive(), epochDay(13));
        assertThat(feature(f, "smart_5_raw")).isEqualTo(8f);
        assertThat(feature(f, "smart_5_change_1d")).as("to day 12").isEqualTo(3f);
        assertThat(feature(f, "smart_5_change_7d")).as("to day 5, the newest on or before day 6").isEqualTo(6f);
        assertThat(feature(f, "smart_5_change_30d")).as("no reading 30 days older").isNaN();
        assertThat(feature(f, "smart_197_raw")).isEqualTo(1f);
        assertThat(feature(f, "smart_197_change_1d")).isZero();
        assertThat(feature(f, "smart_197_change_7d")).isZero();
    }

    @Test
    void counterDynamics_daysSinceTheLastIncrease_andIncreasesIn30Days() {
        float[] f = Features.compute(drive(), epochDay(13));
        assertThat(feature(f, "smart_5_days_since_increase")).as("5 grew 5 -> 8 on day 13").isZero();
        assertThat(feature(f, "smart_5_increases_30d")).as("on days 5, 12 and 13").isEqualTo(3f);
        assertThat(feature(f, "smart_197_days_since_increase")).as("197 never grew").isNaN();
        assertThat(feature(f, "smart_197_increases_30d")).isZero();
        float[] day9 = Features.compute(drive(), epochDay(9));
        assertThat(feature(day9, "smart_5_days_since_increase")).as("last grew on day 5").isEqualTo(4f);
        assertThat(feature(f, "error_counters_nonzero")).as("5 and 197 above 0").isEqualTo(2f);
    }

    @Test
    void pendingToReallocated_isTheSmallerOfPendingFallingAndReallocatedRising() {
        DriveHistory h = historyOf(on(0).smart(5, 0).smart(197, 16), on(20).smart(5, 8).smart(197, 16), on(30).smart(5, 24).smart(197, 2));
        assertThat(feature(Features.compute(h, epochDay(30)), "pending_to_reallocated_30d")).as("197 fell 14, 5 rose 24").isEqualTo(14f);
        DriveHistory rising = historyOf(on(0).smart(5, 0).smart(197, 0), on(30).smart(5, 8).smart(197, 3));
        assertThat(feature(Features.compute(rising, epochDay(30)), "pending_to_reallocated_30d")).as("both rose: nothing transferred").isZero();
    }

    @Test
    void deltaRule_firesWhenACounterGrewOnAReadingOfTheLastSevenDays() {
        DriveHistory h = historyOf(on(0).smart(197, 0), on(3).smart(197, 4), on(9).smart(197, 4), on(10).smart(197, 4));
        assertThat(Features.deltaRule(h, epochDay(3))).as("grew that day").isTrue();
        assertThat(Features.deltaRule(h, epochDay(9))).as("grew on day 3 = day 9 - 6").isTrue();
        assertThat(Features.deltaRule(h, epochDay(10))).as("day 3 is 7 days back").isFalse();
        assertThat(Features.deltaRule(historyOf(on(0).smart(5, 8), on(1).smart(5, 8)), epochDay(1))).as("non-zero but unchanged").isFalse();
        assertThatThrownBy(() -> Features.deltaRule(h, epochDay(4))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no reading");
    }

    @Test
    void errorCounterNeverReported_isNaN_withNaNChanges() {
        float[] f = Features.compute(drive(), epochDay(13));
        for (String name : new String[] {"smart_187_raw", "smart_187_change_1d", "smart_187_change_7d", "smart_187_change_30d"}) {
            assertThat(feature(f, name)).as(name).isNaN();
        }
    }

    @Test
    void change30d_usesTheReadingExactlyThirtyDaysOlder() {
        DriveHistory h = historyOf(on(0).smart(5, 1), on(29).smart(5, 3), on(30).smart(5, 10));
        float[] f = Features.compute(h, epochDay(30));
        assertThat(feature(f, "smart_5_change_30d")).isEqualTo(9f);
        assertThat(feature(f, "smart_5_change_7d")).as("day 0 is also the newest at least 7 days older").isEqualTo(9f);
        assertThat(feature(f, "smart_5_change_1d")).isEqualTo(7f);
    }

    @Test
    void temperature_currentMeanOverSevenDaysAndMaxOverThirty_skipMissingReadings() {
        float[] f = Features.compute(drive(), epochDay(13));
        assertThat(feature(f, "temperature")).isEqualTo(29f);
        assertThat(feature(f, "temperature_mean_7d")).as("days 7..13: 22, (NaN), 27, 29").isEqualTo(26f);
        assertThat(feature(f, "temperature_max_30d")).as("day 0's 40 is within 30 days").isEqualTo(40f);
    }

    @Test
    void temperatureMax30d_leavesOutReadingsThirtyDaysOld() {
        DriveHistory h = historyOf(on(0).smart(194, 50), on(1).smart(194, 45), on(30).smart(194, 20));
        assertThat(feature(Features.compute(h, epochDay(30)), "temperature_max_30d")).as("days 1..30").isEqualTo(45f);
        assertThat(feature(Features.compute(h, epochDay(30)), "temperature_mean_7d")).isEqualTo(20f);
    }

    @Test
    void rates_arePerDayToTheNewestReadingAtLeastSevenDaysOlder() {
        float[] f = Features.compute(drive(), epochDay(13));
        assertThat(feature(f, "lbas_written_per_day_7d")).as("(1800 - 1000) / 8 days").isEqualTo(100f);
        assertThat(feature(f, "load_cycles_per_day_7d")).as("(26 - 10) / 8 days").isEqualTo(2f);
        assertThat(feature(f, "lbas_read_per_day_7d")).as("no reading of 242 on day 5").isNaN();
        assertThat(feature(f, "power_on_hours")).isEqualTo(1000f);
    }

    @Test
    void daysSinceFirstError_errorGrowthDays_andDaysSincePreviousReading() {
        float[] f = Features.compute(drive(), epochDay(13));
        assertThat(feature(f, "days_since_first_error")).as("197 above 0 since day 0").isEqualTo(13f);
        assertThat(feature(f, "error_growth_days_30d")).as("5 grew on days 5, 12 and 13").isEqualTo(3f);
        assertThat(feature(f, "days_since_previous_reading")).isEqualTo(1f);
    }

    @Test
    void featuresOfAnEarlierDay_ignoreTheReadingsAfterIt() {
        float[] f = Features.compute(drive(), epochDay(12));
        assertThat(feature(f, "smart_5_raw")).isEqualTo(5f);
        assertThat(feature(f, "smart_5_change_1d")).as("to day 9").isEqualTo(3f);
        assertThat(feature(f, "smart_5_change_7d")).as("to day 5").isEqualTo(3f);
        assertThat(feature(f, "error_growth_days_30d")).as("days 5 and 12").isEqualTo(2f);
        assertThat(feature(f, "days_since_previous_reading")).isEqualTo(3f);
        assertThat(feature(f, "temperature_mean_7d")).as("days 6..12: 22, (NaN), 27").isEqualTo(24.5f);
    }

    @Test
    void driveWithoutErrors_hasNoDaysSinceFirstError_noGrowth_andTheFirstReadingNoPrevious() {
        DriveHistory h = historyOf(on(0).smart(5, 0).smart(197, 0));
        float[] f = Features.compute(h, epochDay(0));
        assertThat(feature(f, "days_since_first_error")).isNaN();
        assertThat(feature(f, "error_growth_days_30d")).isZero();
        assertThat(feature(f, "days_since_previous_reading")).isNaN();
    }

    @Test
    void daysSinceFirstError_isNaNOnDaysBeforeTheFirstError() {
        DriveHistory h = historyOf(on(0).smart(5, 0), on(4).smart(5, 2), on(6).smart(5, 2));
        assertThat(feature(Features.compute(h, epochDay(0)), "days_since_first_error")).isNaN();
        assertThat(feature(Features.compute(h, epochDay(4)), "days_since_first_error")).isZero();
        assertThat(feature(Features.compute(h, epochDay(6)), "days_since_first_error")).isEqualTo(2f);
    }

    @Test
    void errorGrowth_fromAMissingValue_isNotGrowth() {
        DriveHistory h = historyOf(on(0), on(1).smart(5, 3));
        assertThat(feature(Features.compute(h, epochDay(1)), "error_growth_days_30d")).isZero();
    }

    @Test
    void compute_forADayWithoutAReading_throwsNamingTheDay() {
        DriveHistory h = drive();
        assertThatThrownBy(() -> Features.compute(h, epochDay(11))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no reading of day " + epochDay(11));
        assertThatThrownBy(() -> Features.compute(h, epochDay(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Features.compute(new DriveHistory(), epochDay(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compute_intoAnArray_writesOnlyItsSlice() {
        float[] out = new float[Features.COUNT * 3];
        Arrays.fill(out, -7f);
        Features.compute(drive(), epochDay(13), out, Features.COUNT);
        assertThat(Arrays.copyOfRange(out, Features.COUNT, 2 * Features.COUNT)).isEqualTo(Features.compute(drive(), epochDay(13)));
        for (int i = 0; i < Features.COUNT; i++) {
            assertThat(out[i]).isEqualTo(-7f);
            assertThat(out[2 * Features.COUNT + i]).isEqualTo(-7f);
        }
    }
}
