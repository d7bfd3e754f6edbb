package io.harbinger.predict.eval;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Drive-level evaluation of a failure predictor against two baselines, the classic SMART rule and the
 * delta rule, on the same drives and days over one evaluation period (test data: the threshold must
 * have been chosen on validation data, see {@link Thresholds}). Each baseline is taken at its own (only)
 * operating point; the model at its threshold, and also at each baseline's false-alarm rate.
 *
 * <p>The baselines watch the five counters of the classic rule, raw SMART 5 (reallocated sectors), 187
 * (reported uncorrectable), 188 (command timeout), 197 (pending sectors) and 198 (offline uncorrectable):
 * <ul>
 *   <li>the <b>SMART rule</b> fires on a day when any of them is above 0 ({@link ScoredDay#ruleFlag()});</li>
 *   <li>the <b>delta rule</b> fires on a day when any of them grew within the last 7 days: it rose from
 *       one sample to the next at least once within the 7 days ending that day ({@link ScoredDay#deltaFlag()}).</li>
 * </ul>
 * Both flags are computed by the caller; this class only counts.
 *
 * <p>Definitions (H = the horizon in days, default {@value #DEFAULT_HORIZON_DAYS}; a "day" is a
 * {@link ScoredDay} of the drive):
 * <ul>
 *   <li>A drive is <b>flagged</b> on a day when its probability is {@code >= threshold} (model) or its
 *       {@code ruleFlag} (SMART rule) or {@code deltaFlag} (delta rule) is set.</li>
 *   <li>A <b>failed</b> drive has a failure day F in the period; its <b>window</b> is the days d with
 *       {@code 0 <= F - d < H}. It is <b>recalled</b> when flagged on at least one day of its window;
 *       {@code recall = recalled / failed drives}.</li>
 *   <li>A <b>healthy</b> drive is any other drive, including drives that left the fleet without a failure
 *       row (decommissioned). It is a <b>false alarm</b> when flagged on any day of the period;
 *       {@code false-alarm rate = false alarms / healthy drives}.</li>
 *   <li>{@code precision = recalled / (recalled + false alarms)}. A failed drive flagged only before its
 *       window is <b>early only</b>: counted as neither, reported on its own (it is not recalled).</li>
 *   <li>The <b>lead time</b> of a recalled drive is F minus the first day it was flagged in the whole
 *       period (which may lie before the window: it is the warning the operator first got, whether or
 *       not the flag stayed up).</li>
 *   <li>The <b>PR curve</b> is at drive level: a failed drive's score is its highest probability over its
 *       window, a healthy drive's over the period; failed drives are the positives. One point per
 *       distinct score, taken as threshold (drives scoring {@code >=} it are flagged), so the model's
 *       counts at threshold t equal the curve's at t. Drives without a scored day (in their window, for
 *       failed ones) have no score: no threshold flags them.</li>
 *   <li><b>PR-AUC</b> is the average precision: over the failed drives in descending score order, the
 *       precision at each one's rank, summed and divided by the number of failed drives (equal scores
 *       form one rank; a failed drive without a score contributes 0).</li>
 *   <li>The model's <b>false-alarm rate at the rule's recall</b> is taken at the highest threshold whose
 *       model recall is {@code >=} the rule's recall (when the rule recalls nothing, that is a threshold
 *       above every score: false-alarm rate 0).</li>
 *   <li>The model's <b>recall at a baseline's false-alarm rate</b> is taken at the lowest threshold whose
 *       false alarms are at most the baseline's (the same healthy drives, so the same false-alarm rate
 *       or lower): the most the model recalls within the baseline's false-alarm budget (a threshold
 *       above every score, recall 0, when even the highest score is over budget). The <b>recall gain over
 *       the delta rule</b> is that recall at the delta rule's rate minus the delta rule's recall.</li>
 * </ul>
 * Rates whose denominator is 0 are {@code NaN}.
 */
public final class Evaluation {
    public static final int DEFAULT_HORIZON_DAYS = 10;

    private final List<DriveScores> drives;
    private final int horizonDays;
    private final double threshold;
    private final Metrics model;
    private final Metrics rule;
    private final Metrics deltaRule;
    private final List<PrPoint> prCurve;
    private final double prAuc;
    private final double thresholdAtRuleRecall;
    private final double modelFalseAlarmRateAtRuleRecall;
    private final OperatingPoint atRuleFalseAlarmRate;
    private final OperatingPoint atDeltaFalseAlarmRate;
    private final Optional<LocalDate> firstDay;
    private final Optional<LocalDate> lastDay;

    private Evaluation(List<DriveScores> drives, int horizonDays, double threshold) {
        this.drives = drives;
        this.horizonDays = horizonDays;
        this.threshold = threshold;
        this.model = DriveLevel.metrics(drives, horizonDays, day -> day.probability() >= threshold);
        this.rule = DriveLevel.metrics(drives, horizonDays, ScoredDay::ruleFlag);
        this.deltaRule = DriveLevel.metrics(drives, horizonDays, ScoredDay::deltaFlag);
        this.prCurve = PrCurves.curve(drives, horizonDays);
        this.prAuc = PrCurves.averagePrecision(prCurve, model.failed());
        Optional<PrPoint> atRuleRecall = pointAtRecall(rule.recall());
        this.thresholdAtRuleRecall = atRuleRecall.map(PrPoint::threshold).orElse(rule.recalled() == 0 ? Double.POSITIVE_INFINITY : Double.NaN);
        this.modelFalseAlarmRateAtRuleRecall = atRuleRecall.map(PrPoint::falseAlarmRate).orElse(rule.recalled() == 0 ? Metrics.ratio(0, model.healthy()) : Double.NaN);
        this.atRuleFalseAlarmRate = PrCurves.withinFalseAlarms(prCurve, rule.falseAlarms(), model.failed(), model.healthy());
        this.atDeltaFalseAlarmRate = PrCurves.withinFalseAlarms(prCurve, deltaRule.falseAlarms(), model.failed(), model.healthy());
        this.firstDay = drives.stream().flatMap(d -> d.days().stream()).map(ScoredDay::day).min(Comparator.naturalOrder());
        this.lastDay = drives.stream().flatMap(d -> d.days().stream()).map(ScoredDay::day).max(Comparator.naturalOrder());
    }

    /**
     * Evaluates the model at {@code threshold}, the SMART rule and the delta rule over {@code drives}.
     *
     * @throws IllegalArgumentException when {@code drives} is empty, holds a drive twice, {@code horizonDays < 1}
     *                                  or {@code threshold} is not a finite number {@code >= 0}
     */
    public static Evaluation of(List<DriveScores> drives, int horizonDays, double threshold) {
        DriveLevel.requireFleet(drives, horizonDays);
        if (!(threshold >= 0 && Double.isFinite(threshold))) throw new IllegalArgumentException("threshold must be a finite number >= 0, was " + threshold);
        return new Evaluation(List.copyOf(drives), horizonDays, threshold);
    }

    /** {@link #of(List, int, double)} with the default horizon of {@value #DEFAULT_HORIZON_DAYS} days. */
    public static Evaluation of(List<DriveScores> drives, double threshold) {
        return of(drives, DEFAULT_HORIZON_DAYS, threshold);
    }

    /** The highest threshold on the curve whose recall reaches {@code recall}; empty when the rule recalls nothing. */
    private Optional<PrPoint> pointAtRecall(double recall) {
        if (rule.recalled() == 0) return Optional.empty();
        return prCurve.stream().filter(p -> p.recall() >= recall).findFirst();
    }

    /** The evaluated drives, for the figures computed from them again (intervals, reliability, ceiling). */
    List<DriveScores> drives() {
        return drives;
    }

    public int horizonDays() {
        return horizonDays;
    }

    public double threshold() {
        return threshold;
    }

    /** The model's counts at {@link #threshold()}. */
    public Metrics model() {
        return model;
    }

    /** The SMART rule's counts. */
    public Metrics rule() {
        return rule;
    }

    /** The delta rule's counts. */
    public Metrics deltaRule() {
        return deltaRule;
    }

    /** The drive-level PR curve, highest threshold first. */
    public List<PrPoint> prCurve() {
        return prCurve;
    }

    /** Average precision of the drive-level PR curve; {@code NaN} without failed drives. */
    public double prAuc() {
        return prAuc;
    }

    /** The highest threshold whose model recall reaches the rule's; {@code +Infinity} when the rule recalls nothing. */
    public double thresholdAtRuleRecall() {
        return thresholdAtRuleRecall;
    }

    /** The model's false-alarm rate at {@link #thresholdAtRuleRecall()}. */
    public double modelFalseAlarmRateAtRuleRecall() {
        return modelFalseAlarmRateAtRuleRecall;
    }

    /** The model at the SMART rule's false-alarm rate (at most the rule's false alarms, the most recall). */
    public OperatingPoint modelAtRuleFalseAlarmRate() {
        return atRuleFalseAlarmRate;
    }

    /** The model at the delta rule's false-alarm rate (at most the delta rule's false alarms, the most recall). */
    public OperatingPoint modelAtDeltaFalseAlarmRate() {
        return atDeltaFalseAlarmRate;
    }

    /** The model's recall at the delta rule's false-alarm rate minus the delta rule's recall; {@code NaN} without failed drives. */
    public double recallGainOverDeltaRule() {
        return atDeltaFalseAlarmRate.recall() - deltaRule.recall();
    }

    /** The earliest scored day of any drive; empty when no drive has a scored day. */
    public Optional<LocalDate> firstDay() {
        return firstDay;
    }

    /** The latest scored day of any drive; empty when no drive has a scored day. */
    public Optional<LocalDate> lastDay() {
        return lastDay;
    }
}
