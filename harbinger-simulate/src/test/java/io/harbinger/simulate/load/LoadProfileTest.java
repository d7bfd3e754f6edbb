package io.harbinger.simulate.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LoadProfileTest {
    @Test
    void steady_spacesSamplesEvenly_andEndsAfterItsLength() {
        LoadProfile p = LoadProfile.steady(1000, Duration.ofSeconds(10));
        assertThat(p.dueNanos(0)).isZero();
        assertThat(p.dueNanos(500)).isEqualTo(500_000_000L);
        assertThat(p.dueNanos(9_999)).isEqualTo(9_999_000_000L);
        assertThat(p.dueNanos(10_000)).isEqualTo(Long.MAX_VALUE);
        assertThat(p.totalSamples()).isEqualTo(10_000);
        assertThat(p.samplesBy(2_500_000_000L)).isCloseTo(2500, within(1e-6));
        assertThat(p.samplesBy(Long.MAX_VALUE)).isEqualTo(10_000);
    }

    @Test
    void surge_isFiveTimesTheBaselineInItsMiddle_andDueTimesFollowTheRate() {
        LoadProfile p = LoadProfile.surge(100, 5, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10));
        assertThat(p.steps()).extracting(LoadProfile.Step::rate).containsExactly(100.0, 500.0, 100.0);
        assertThat(p.lengthNanos()).isEqualTo(80_000_000_000L);
        assertThat(p.dueNanos(1000)).isEqualTo(10_000_000_000L); // the baseline's 1000 samples took 10 s
        assertThat(p.dueNanos(1500)).isEqualTo(11_000_000_000L); // then 500 a second
        assertThat(p.stepAt(p.dueNanos(1500))).isEqualTo(1);
        assertThat(p.totalSamples()).isEqualTo(1000 + 30_000 + 1000);
    }

    @Test
    void samplesBy_andDueNanos_areInverses() {
        LoadProfile p = LoadProfile.ramp(250, 250, 1000, Duration.ofSeconds(3));
        for (double n = 0; n < p.totalSamples(); n += 137) {
            assertThat(p.samplesBy(p.dueNanos(n))).isCloseTo(n, within(1e-3));
        }
    }

    @Test
    void ramp_climbsByItsIncrementUpToItsMaximum() {
        LoadProfile p = LoadProfile.ramp(1000, 500, 2600, Duration.ofSeconds(5));
        assertThat(p.steps()).extracting(LoadProfile.Step::rate).containsExactly(1000.0, 1500.0, 2000.0, 2500.0);
        assertThat(p.steps()).extracting(LoadProfile.Step::phase).containsExactly("step 1", "step 2", "step 3", "step 4");
        assertThat(p.stepStartNanos(2)).isEqualTo(10_000_000_000L);
    }

    @Test
    void nonsense_isRefused_withItsName() {
        assertThatThrownBy(() -> LoadProfile.steady(0, Duration.ofSeconds(1))).hasMessageContaining("rate must be > 0");
        assertThatThrownBy(() -> LoadProfile.surge(1, 0.5, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("factor");
        assertThatThrownBy(() -> LoadProfile.ramp(10, 0, 100, Duration.ofSeconds(1))).hasMessageContaining("increment");
        assertThatThrownBy(() -> LoadProfile.steady(1, Duration.ZERO)).hasMessageContaining("at least 1 ms");
    }
}
