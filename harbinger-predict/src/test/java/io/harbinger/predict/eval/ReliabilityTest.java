package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Drives.day;
import static io.harbinger.predict.eval.Drives.drive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.harbinger.schema.prediction.Bucket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityTest {
    private static final double EPS = 1e-12;
    /**
     * Days 0..59. b1 fails on 20, bad 10..20 (p 0.3), good 0..9 (p 0.002); h1 healthy, good (p 0.0005) but
     * bad (p 0.5) on 30 and 50..52; w1 fails on 59, warning throughout (p 0.02); u1 healthy, unknown 55..59 (p 0).
     */
    private static final List<DriveScores> FLEET = List.of(
            drive("b1").failsOn(20).days(0, 9, 0.002).days(10, 20, 0.3).bucket(Bucket.BAD, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20).build(),
            drive("h1").days(0, 59, 0.0005).probability(30, 0.5).probability(50, 0.5).probability(51, 0.5).probability(52, 0.5)
                    .bucket(Bucket.BAD, 30, 50, 51, 52).build(),
            drive("w1").failsOn(59).days(0, 59, 0.02).bucket(Bucket.WARNING).build(),
            drive("u1").days(55, 59, 0.0).bucket(Bucket.UNKNOWN).build());
    private final Reliability r = Reliability.of(FLEET, 10, 14, 42);

    @Test
    void of_ends_the_period_on_the_latest_scored_or_failure_day() {
        assertThat(r.lastDay()).contains(day(59));
        assertThat(r.buckets()).extracting(BucketRow::bucket).containsExactly(Bucket.BAD, Bucket.WARNING, Bucket.GOOD, Bucket.UNKNOWN);
    }

    @Test
    void bad_days_count_as_failed_within_14_days_and_those_whose_14_days_run_past_the_end_are_censored() {
        BucketRow bad = r.bucket(Bucket.BAD);
        assertThat(bad.withinDays()).isEqualTo(14);
        assertThat(bad.drives()).isEqualTo(2);
        // b1's 11 days all failed within 14; h1's day 30 judged, 50..52 censored (their 14 days run past day 59)
        assertObserved(bad.observed(), new Observed(15, 3, 12, 11, (11 * 0.3 + 0.5) / 12));
        assertThat(bad.observed().share()).isCloseTo(11.0 / 12, within(EPS));
    }

    @Test
    void warning_days_count_as_failed_within_42_days_and_are_censored_near_the_end_even_when_their_drive_failed() {
        BucketRow warning = r.bucket(Bucket.WARNING);
        assertThat(warning.withinDays()).isEqualTo(42);
        // w1 fails on 59: days 19..59 run past the end and are censored although the failure is seen;
        // of the judged days 0..18 only day 18 is within 42 days of it
        assertObserved(warning.observed(), new Observed(60, 41, 19, 1, 0.02));
    }

    @Test
    void good_days_of_a_healthy_drive_after_day_18_are_censored() {
        BucketRow good = r.bucket(Bucket.GOOD);
        assertThat(good.drives()).isEqualTo(2);
        assertThat(good.observed().driveDays()).isEqualTo(66);
        assertThat(good.observed().censoredDays()).isEqualTo(37);  // h1's good days 19..59
        assertThat(good.observed().failedWithin()).isEqualTo(10);   // b1's good days 0..9, 20 to 11 days before its failure
        assertThat(good.observed().share()).isCloseTo(10.0 / 29, within(EPS));
    }

    @Test
    void unknown_days_all_censored_have_no_share() {
        BucketRow unknown = r.bucket(Bucket.UNKNOWN);
        assertObserved(unknown.observed(), new Observed(5, 5, 0, 0, Double.NaN));
        assertThat(unknown.observed().share()).isNaN();
    }

    @Test
    void calibration_bins_compare_the_mean_probability_with_the_share_failed_within_the_horizon() {
        assertThat(r.calibration()).extracting(CalibrationBin::label).containsExactly("[0, 0.001)", "[0.001, 0.01)", "[0.01, 0.05)", "[0.05, 0.2)", "[0.2, 1]");
        assertObserved(r.calibration().get(1).observed(), new Observed(10, 0, 10, 0, 0.002));  // b1's days 0..9: 20 to 11 days before
        assertObserved(r.calibration().get(2).observed(), new Observed(60, 9, 51, 1, 0.02));          // w1: 51..59 censored, day 50 within 10
        assertThat(r.calibration().get(3).observed().driveDays()).isZero();
        // b1 10..20 (day 10 is 10 days before: not within 10), h1 30 and 50 judged, 51 and 52 censored
        assertObserved(r.calibration().get(4).observed(), new Observed(15, 2, 13, 10, (11 * 0.3 + 2 * 0.5) / 13));
    }

    @Test
    void calibration_puts_a_probability_on_an_edge_in_the_bin_it_opens_and_1_in_the_last() {
        List<DriveScores> fleet = List.of(drive("a").days(0, 0, 0.001).days(1, 1, 1.0).days(2, 2, 0.2).build());
        Reliability edges = Reliability.of(fleet, 10, 14, 42);
        assertThat(edges.calibration()).extracting(b -> b.observed().driveDays()).containsExactly(0, 1, 0, 0, 2);
    }

    @Test
    void of_a_fleet_without_any_day_has_no_last_day_and_empty_tables() {
        Reliability empty = Reliability.of(List.of(drive("h").build()), 10, 14, 42);
        assertThat(empty.lastDay()).isEmpty();
        assertThat(empty.buckets()).allSatisfy(b -> assertThat(b.observed().driveDays()).isZero());
    }

    @Test
    void of_the_evaluation_uses_its_drives_and_horizon() {
        Reliability viaEvaluation = Reliability.of(Evaluation.of(FLEET, 10, 0.5), 14, 42);
        assertThat(viaEvaluation).isEqualTo(r);
    }

    private static void assertObserved(Observed actual, Observed expected) {
        assertThat(List.of(actual.driveDays(), actual.censoredDays(), actual.judgedDays(), actual.failedWithin()))
                .containsExactly(expected.driveDays(), expected.censoredDays(), expected.judgedDays(), expected.failedWithin());
        if (Double.isNaN(expected.meanProbability())) assertThat(actual.meanProbability()).isNaN();
        else assertThat(actual.meanProbability()).isCloseTo(expected.meanProbability(), within(EPS));
    }

    @Test
    void of_rejects_a_window_below_one_day() {
        assertThatThrownBy(() -> Reliability.of(FLEET, 10, 0, 42)).hasMessage("badWithinDays and warningWithinDays must be >= 1, were 0 and 42");
        assertThatThrownBy(() -> new Observed(3, 1, 1, 0, 0)).hasMessageContaining("driveDays must be censoredDays + judgedDays");
    }
}
