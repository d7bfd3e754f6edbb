package io.harbinger.predict.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeadTimesTest {
    private final LeadTimes leads = new LeadTimes(10, List.of(10, 1, 3, 2, 4));

    @Test
    void percentiles_interpolate_linearly_between_the_closest_ranks() {
        assertThat(leads.percentile(0)).isEqualTo(1.0);
        assertThat(leads.percentile(10)).isCloseTo(1.4, within(1e-12));
        assertThat(leads.percentile(25)).isEqualTo(2.0);
        assertThat(leads.median()).isEqualTo(3.0);
        assertThat(leads.percentile(75)).isEqualTo(4.0);
        assertThat(leads.percentile(90)).isCloseTo(7.6, within(1e-12));
        assertThat(leads.percentile(100)).isEqualTo(10.0);
    }

    @Test
    void median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(new LeadTimes(10, List.of(7, 13)).median()).isEqualTo(10.0);
    }

    @Test
    void percentiles_are_NaN_without_lead_times() {
        assertThat(new LeadTimes(10, List.of()).median()).isNaN();
    }

    @Test
    void histogram_has_one_bin_per_day_under_the_horizon_then_horizon_to_29_then_30_and_more() {
        LeadTimes l = new LeadTimes(10, List.of(0, 9, 9, 10, 29, 30, 400));
        assertThat(l.histogram()).extracting(LeadTimeBin::label)
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10-29", ">=30");
        assertThat(l.histogram()).extracting(LeadTimeBin::count).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2);
    }

    @Test
    void histogram_with_a_horizon_of_30_or_more_has_no_middle_bin() {
        assertThat(new LeadTimes(30, List.of(31)).histogram()).extracting(LeadTimeBin::label).endsWith("29", ">=30");
        assertThat(new LeadTimes(29, List.of()).histogram()).extracting(LeadTimeBin::label).endsWith("28", "29", ">=30");
        assertThat(new LeadTimes(40, List.of()).histogram()).extracting(LeadTimeBin::label).endsWith("39", ">=40");
    }

    @Test
    void rejects_a_negative_lead_time_and_a_percentile_outside_0_to_100() {
        assertThatThrownBy(() -> new LeadTimes(10, List.of(-1))).hasMessage("lead times must be >= 0 days, got -1");
        assertThatThrownBy(() -> leads.percentile(101)).hasMessage("percentile must be in 0..100, was 101.0");
    }
}
