package io.harbinger.predict.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * What each figure of an {@link Evaluation} needs from each drive, computed once, so that a resample of
 * the drives (each drive with a multiplicity, its weight) is re-evaluated in a few passes over arrays:
 * whether the drive failed; for each predictor whether it hit the drive (recalled it if failed, raised
 * a false alarm if healthy) and the lead time; and the drives in descending order of their PR score,
 * for the model's recall at a baseline's false-alarm rate. With all weights 1 the figures are the
 * evaluation's own.
 */
final class FleetFacts {
    /** One predictor's facts: {@code hit[i]} and, for a recalled drive, {@code lead[i]} (else -1). */
    private record Predictor(boolean[] hit, int[] lead, int maxLead) {
        static Predictor of(List<DriveScores> drives, int horizonDays, Predicate<ScoredDay> flagged) {
            int n = drives.size();
            boolean[] hit = new boolean[n];
            int[] lead = new int[n];
            for (int i = 0; i < n; i++) {
                DriveLevel.Outcome o = DriveLevel.outcome(drives.get(i), horizonDays, flagged);
                hit[i] = o.recalled() || o.falseAlarm();
                lead[i] = o.leadDays();
            }
            return new Predictor(hit, lead, Arrays.stream(lead).max().orElse(-1));
        }
    }

    private final int n;
    private final boolean[] failed;
    private final Predictor model, rule, delta;
    /** Drives with a PR score, highest score first; {@code lastOfTie[k]}: position k ends a group of equal scores. */
    private final int[] byScore;
    private final boolean[] lastOfTie;

    private FleetFacts(List<DriveScores> drives, int horizonDays, double threshold) {
        n = drives.size();
        failed = new boolean[n];
        for (int i = 0; i < n; i++) failed[i] = drives.get(i).hasFailed();
        model = Predictor.of(drives, horizonDays, day -> day.probability() >= threshold);
        rule = Predictor.of(drives, horizonDays, ScoredDay::ruleFlag);
        delta = Predictor.of(drives, horizonDays, ScoredDay::deltaFlag);
        double[] score = drives.stream().mapToDouble(d -> DriveLevel.score(d, horizonDays)).toArray();
        byScore = IntStream.range(0, n).filter(i -> score[i] != Double.NEGATIVE_INFINITY).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> score[i]).reversed()).mapToInt(Integer::intValue).toArray();
        lastOfTie = new boolean[byScore.length];
        for (int k = 0; k < byScore.length; k++) lastOfTie[k] = k + 1 == byScore.length || score[byScore[k + 1]] != score[byScore[k]];
    }

    static FleetFacts of(List<DriveScores> drives, int horizonDays, double threshold) {
        return new FleetFacts(drives, horizonDays, threshold);
    }

    int drives() {
        return n;
    }

    /** Every {@link Figure} of the fleet in which drive i appears {@code weight[i]} times, indexed by ordinal. */
    double[] figures(int[] weight) {
        double[] out = new double[Figure.COUNT];
        long failedCount = 0;
        for (int i = 0; i < n; i++) if (failed[i]) failedCount += weight[i];
        long healthyCount = Arrays.stream(weight).asLongStream().sum() - failedCount;
        long ruleFalseAlarms = predictor(rule, weight, failedCount, healthyCount, out, Figure.RULE_RECALL.ordinal());
        long deltaFalseAlarms = predictor(delta, weight, failedCount, healthyCount, out, Figure.DELTA_RECALL.ordinal());
        predictor(model, weight, failedCount, healthyCount, out, Figure.MODEL_RECALL.ordinal());
        out[Figure.MODEL_RECALL_AT_RULE_FALSE_ALARM_RATE.ordinal()] = ratio(recalledWithin(ruleFalseAlarms, weight), failedCount);
        out[Figure.MODEL_RECALL_AT_DELTA_FALSE_ALARM_RATE.ordinal()] = ratio(recalledWithin(deltaFalseAlarms, weight), failedCount);
        out[Figure.RECALL_GAIN_OVER_DELTA_RULE.ordinal()] = out[Figure.MODEL_RECALL_AT_DELTA_FALSE_ALARM_RATE.ordinal()] - out[Figure.DELTA_RECALL.ordinal()];
        return out;
    }

    /** Writes recall, false-alarm rate, precision and median lead time from {@code at}; returns the false alarms. */
    private long predictor(Predictor p, int[] weight, long failedCount, long healthyCount, double[] out, int at) {
        long recalled = 0, falseAlarms = 0;
        long[] leads = new long[p.maxLead() + 1];
        for (int i = 0; i < n; i++) {
            if (weight[i] == 0 || !p.hit()[i]) continue;
            if (failed[i]) {
                recalled += weight[i];
                leads[p.lead()[i]] += weight[i];
            } else {
                falseAlarms += weight[i];
            }
        }
        out[at] = ratio(recalled, failedCount);
        out[at + 1] = ratio(falseAlarms, healthyCount);
        out[at + 2] = ratio(recalled, recalled + falseAlarms);
        out[at + 3] = median(leads, recalled);
        return falseAlarms;
    }

    /** Failed drives the model recalls at its lowest threshold with at most {@code maxFalseAlarms} false alarms. */
    private long recalledWithin(long maxFalseAlarms, int[] weight) {
        long tp = 0, fp = 0, chosen = 0;
        for (int k = 0; k < byScore.length; k++) {
            int i = byScore[k];
            if (failed[i]) tp += weight[i]; else fp += weight[i];
            if (!lastOfTie[k]) continue;
            if (fp > maxFalseAlarms) break;
            chosen = tp;
        }
        return chosen;
    }

    /** The median (linear interpolation between closest ranks, as {@link LeadTimes}) of {@code count} values given as a histogram. */
    static double median(long[] histogram, long count) {
        if (count == 0) return Double.NaN;
        double rank = (count - 1) * 0.5;
        long below = (long) Math.floor(rank), above = (long) Math.ceil(rank);
        int low = valueAtRank(histogram, below), high = valueAtRank(histogram, above);
        return low + (rank - below) * (high - low);
    }

    private static int valueAtRank(long[] histogram, long rank) {
        long seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen > rank) return v;
        }
        throw new IllegalStateException("rank " + rank + " beyond the histogram's " + seen + " values");
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
