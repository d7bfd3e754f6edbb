package io.harbinger.predict.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.harbinger.schema.prediction.Bucket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random small fleets, probabilities in tenths so that equal scores (ties) are common. */
class EvaluationPropertiesTest {
    private record Spec(boolean failed, int start, List<Integer> tenths, List<Boolean> rule, List<Boolean> delta, int gapToFailure) {
    }

    @Property
    void prAuc_equals_the_brute_force_average_precision(@ForAll("fleets") List<DriveScores> fleet, @ForAll @IntRange(min = 1, max = 6) int horizon) {
        Evaluation e = Evaluation.of(fleet, horizon, 0.5);
        double expected = bruteForceAveragePrecision(fleet, horizon);
        if (Double.isNaN(expected)) assertThat(e.prAuc()).isNaN();
        else assertThat(e.prAuc()).isCloseTo(expected, within(1e-9));
    }

    @Property
    void model_counts_at_a_threshold_are_the_drives_scoring_at_least_it(
            @ForAll("fleets") List<DriveScores> fleet, @ForAll @IntRange(min = 1, max = 6) int horizon, @ForAll @IntRange(max = 10) int tenths) {
        double threshold = tenths / 10.0;
        Metrics m = Evaluation.of(fleet, horizon, threshold).model();
        assertThat(m.recalled()).isEqualTo(fleet.stream().filter(d -> d.hasFailed() && score(d, horizon) >= threshold).count());
        assertThat(m.falseAlarms()).isEqualTo(fleet.stream().filter(d -> !d.hasFailed() && score(d, horizon) >= threshold).count());
    }

    @Property
    void forFalseAlarmRate_respects_the_budget_and_no_lower_candidate_does(
            @ForAll("fleets") List<DriveScores> fleet, @ForAll @IntRange(min = 1, max = 6) int horizon, @ForAll @IntRange(max = 10) int budgetTenths) {
        Assume.that(fleet.stream().anyMatch(d -> !d.hasFailed()) && fleet.stream().anyMatch(d -> score(d, horizon) >= 0));
        double budget = budgetTenths / 10.0;
        double chosen = Thresholds.forFalseAlarmRate(fleet, horizon, budget);
        assertThat(Evaluation.of(fleet, horizon, chosen).model().falseAlarmRate()).isLessThanOrEqualTo(budget);
        fleet.stream().mapToDouble(d -> score(d, horizon)).filter(s -> s >= 0 && s < chosen).forEach(lower ->
                assertThat(Evaluation.of(fleet, horizon, lower).model().falseAlarmRate()).as("FAR at lower score %s", lower).isGreaterThan(budget));
    }

    @Property
    void every_failed_drive_is_recalled_early_only_or_never_flagged(@ForAll("fleets") List<DriveScores> fleet, @ForAll @IntRange(min = 1, max = 6) int horizon) {
        Evaluation e = Evaluation.of(fleet, horizon, 0.5);
        for (Metrics m : List.of(e.model(), e.rule())) {
            long neverFlagged = fleet.stream().filter(DriveScores::hasFailed).filter(d -> d.days().stream().noneMatch(day -> flags(m == e.model(), day))).count();
            assertThat(m.recalled() + m.earlyOnly() + neverFlagged).isEqualTo(m.failed());
        }
    }

    @Property
    void modelAtDeltaFalseAlarmRate_recalls_the_most_of_any_threshold_within_the_delta_rules_false_alarms(
            @ForAll("fleets") List<DriveScores> fleet, @ForAll @IntRange(min = 1, max = 6) int horizon) {
        Evaluation e = Evaluation.of(fleet, horizon, 0.5);
        int budget = e.deltaRule().falseAlarms();
        long best = 0;
        for (DriveScores candidate : fleet) {
            double t = score(candidate, horizon);
            if (t == Double.NEGATIVE_INFINITY) continue;
            long falseAlarms = fleet.stream().filter(d -> !d.hasFailed() && score(d, horizon) >= t).count();
            if (falseAlarms <= budget) best = Math.max(best, fleet.stream().filter(d -> d.hasFailed() && score(d, horizon) >= t).count());
        }
        assertThat(e.modelAtDeltaFalseAlarmRate().recalled()).isEqualTo(best);
        assertThat(e.modelAtDeltaFalseAlarmRate().falseAlarms()).isLessThanOrEqualTo(budget);
    }

    @Property
    void bootstrap_figures_with_every_drive_drawn_once_are_the_evaluations_own(
            @ForAll("fleets") List<DriveScores> fleet, @ForAll @IntRange(min = 1, max = 6) int horizon, @ForAll @IntRange(max = 10) int tenths) {
        Evaluation e = Evaluation.of(fleet, horizon, tenths / 10.0);
        int[] once = new int[fleet.size()];
        java.util.Arrays.fill(once, 1);
        double[] f = FleetFacts.of(fleet, horizon, tenths / 10.0).figures(once);
        double[] expected = {
                e.model().recall(), e.model().falseAlarmRate(), e.model().precision(), e.model().leadTimes().median(),
                e.rule().recall(), e.rule().falseAlarmRate(), e.rule().precision(), e.rule().leadTimes().median(),
                e.deltaRule().recall(), e.deltaRule().falseAlarmRate(), e.deltaRule().precision(), e.deltaRule().leadTimes().median(),
                e.modelAtRuleFalseAlarmRate().recall(), e.modelAtDeltaFalseAlarmRate().recall(), e.recallGainOverDeltaRule()};
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) assertThat(f[i]).as(Figure.values()[i].name()).isNaN();
            else assertThat(f[i]).as(Figure.values()[i].name()).isCloseTo(expected[i], within(1e-9));
        }
    }

    @Property
    void reliability_accounts_for_every_drive_day_once_per_table(@ForAll("fleets") List<DriveScores> fleet, @ForAll @IntRange(min = 1, max = 6) int horizon) {
        Reliability r = Reliability.of(fleet, horizon, 3, 8);
        long days = fleet.stream().mapToLong(d -> d.days().size()).sum();
        assertThat(r.buckets().stream().mapToLong(b -> b.observed().driveDays()).sum()).isEqualTo(days);
        assertThat(r.calibration().stream().mapToLong(b -> b.observed().driveDays()).sum()).isEqualTo(days);
        for (BucketRow b : r.buckets()) {
            long censored = fleet.stream().flatMap(d -> d.days().stream())
                    .filter(day -> day.bucket() == b.bucket() && day.day().plusDays(b.withinDays() - 1L).isAfter(r.lastDay().orElseThrow())).count();
            assertThat(b.observed().censoredDays()).as(b.bucket().label()).isEqualTo(censored);
        }
    }

    private static boolean flags(boolean model, ScoredDay day) {
        return model ? day.probability() >= 0.5 : day.ruleFlag();
    }

    /** Mean over failed drives of the precision at the threshold equal to the drive's score (0 if unscored). */
    private static double bruteForceAveragePrecision(List<DriveScores> fleet, int horizon) {
        long positives = fleet.stream().filter(DriveScores::hasFailed).count();
        if (positives == 0) return Double.NaN;
        double sum = 0;
        for (DriveScores p : fleet) {
            double s = score(p, horizon);
            if (!p.hasFailed() || s == Double.NEGATIVE_INFINITY) continue;
            long atLeast = fleet.stream().filter(d -> score(d, horizon) >= s).count();
            long failedAtLeast = fleet.stream().filter(d -> d.hasFailed() && score(d, horizon) >= s).count();
            sum += (double) failedAtLeast / atLeast;
        }
        return sum / positives;
    }

    /** Written out again from the definition, independently of the production code. */
    private static double score(DriveScores d, int horizon) {
        double best = Double.NEGATIVE_INFINITY;
        for (ScoredDay day : d.days()) {
            long before = d.failedOn().map(f -> f.toEpochDay() - day.day().toEpochDay()).orElse(0L);
            if (before >= 0 && before < horizon) best = Math.max(best, day.probability());
        }
        return best;
    }

    private static Bucket bucketOf(int tenths) {
        return tenths >= 7 ? Bucket.BAD : tenths >= 4 ? Bucket.WARNING : tenths >= 1 ? Bucket.GOOD : Bucket.UNKNOWN;
    }

    @Provide
    Arbitrary<List<DriveScores>> fleets() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 10).list().ofMaxSize(12),
                Arbitraries.of(true, false, false, false).list().ofSize(12),
                Arbitraries.of(true, false, false, false).list().ofSize(12),
                Arbitraries.integers().between(0, 3)).as(Spec::new);
        return spec.list().ofMinSize(1).ofMaxSize(12).map(EvaluationPropertiesTest::toFleet);
    }

    private static List<DriveScores> toFleet(List<Spec> specs) {
        List<DriveScores> fleet = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) fleet.add(toDrive("d" + i, specs.get(i)));
        return fleet;
    }

    private static DriveScores toDrive(String name, Spec s) {
        List<ScoredDay> days = new ArrayList<>();
        for (int k = 0; k < s.tenths().size(); k++) {
            int tenths = s.tenths().get(k);
            days.add(new ScoredDay(Drives.day(s.start() + k), tenths / 10.0, s.rule().get(k), s.delta().get(k), bucketOf(tenths)));
        }
        Optional<LocalDate> failedOn = s.failed() ? Optional.of(Drives.day(s.start() + s.tenths().size() + s.gapToFailure())) : Optional.empty();
        return new DriveScores(name, failedOn, days);
    }
}
