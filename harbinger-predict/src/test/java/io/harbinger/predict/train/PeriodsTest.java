package io.harbinger.predict.train;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodsTest {
    @Test
    void theLastDaysAreTheTestPeriod_andFittingEndsTheDayBefore() {
        Periods p = Periods.lastDaysForTest(LocalDate.parse("2018-01-01"), LocalDate.parse("2018-06-30"), 91);
        assertThat(p.testFrom()).isEqualTo(LocalDate.parse("2018-04-01"));
        assertThat(p.fitTo()).isEqualTo(LocalDate.parse("2018-03-31"));
        assertThat(p.fittingDays()).isEqualTo(90);
        assertThat(p.testDays()).isEqualTo(91);
        assertThat(p).hasToString("fitting 2018-01-01..2018-03-31 (90 days), test 2018-04-01..2018-06-30 (91 days)");
    }

    @Test
    void aTestPeriodCoveringEverything_leavesNothingToFitOn_andSaysSo() {
        assertThatThrownBy(() -> Periods.lastDaysForTest(LocalDate.parse("2018-01-01"), LocalDate.parse("2018-01-10"), 10))
                .hasMessageContaining("2018-01-01..2018-01-10 (10 days) is not longer than its 10 test days: no day would be left to train on");
        assertThatThrownBy(() -> new Periods(LocalDate.parse("2018-01-01"), LocalDate.parse("2018-01-01"), LocalDate.parse("2018-01-10")))
                .hasMessageContaining("must start after the first day 2018-01-01");
        assertThatThrownBy(() -> Periods.lastDaysForTest(LocalDate.parse("2018-01-01"), LocalDate.parse("2018-01-10"), 0))
                .hasMessageContaining("testDays must be >= 1");
    }
}
