package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Drives.drive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CeilingTest {
    /** All failing on day 40: f1 counter above 0 and growing in its last 10 days, f2 only above 0, f3 above 0 20 days before, f4 no day in its last 10, f5 nothing. */
    private static final List<DriveScores> FLEET = List.of(
            drive("f1").failsOn(40).days(0, 40, 0.1).rule(35, 36).delta(36).build(),
            drive("f2").failsOn(40).days(0, 40, 0.1).rule(35).build(),
            drive("f3").failsOn(40).days(0, 40, 0.1).rule(20).build(),
            drive("f4").failsOn(40).days(0, 20, 0.1).build(),
            drive("f5").failsOn(40).days(0, 40, 0.1).build(),
            drive("h1").days(0, 40, 0.1).rule(38).delta(38).build());

    @Test
    void of_counts_the_failed_drives_with_each_counter_signal_in_the_horizon() {
        CeilingRow h = Ceiling.of(FLEET, 10).horizon();
        assertThat(List.of(h.windowDays(), h.failed(), h.nonZeroCounter(), h.counterGrowth(), h.anySignal(), h.noSignal(), h.noScoredDay()))
                .containsExactly(10, 5, 2, 1, 2, 3, 1);
        assertThat(h.noSignalShare()).isCloseTo(0.6, within(1e-12));
        assertThat(h.anySignalShare()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void of_adds_the_30_days_before_failure_when_the_horizon_is_shorter() {
        Ceiling c = Ceiling.of(FLEET, 10);
        assertThat(c.windows()).hasSize(2);
        CeilingRow long30 = c.windows().get(1);
        assertThat(List.of(long30.windowDays(), long30.nonZeroCounter(), long30.counterGrowth(), long30.anySignal(), long30.noSignal(), long30.noScoredDay()))
                .containsExactly(30, 3, 1, 3, 2, 0);
        assertThat(Ceiling.of(FLEET, 30).windows()).hasSize(1);
    }

    @Test
    void of_a_fleet_without_failures_has_no_shares() {
        CeilingRow h = Ceiling.of(List.of(drive("h").days(0, 3, 0.1).rule(1).build()), 10).horizon();
        assertThat(h.failed()).isZero();
        assertThat(h.noSignalShare()).isNaN();
    }

    @Test
    void row_rejects_inconsistent_counts() {
        assertThatThrownBy(() -> new CeilingRow(10, 5, 2, 1, 1, 4, 0)).hasMessageContaining("anySignal must be in max..sum");
        assertThatThrownBy(() -> new CeilingRow(10, 5, 2, 1, 2, 2, 0)).hasMessageContaining("noSignal must be failed - anySignal");
    }
}
