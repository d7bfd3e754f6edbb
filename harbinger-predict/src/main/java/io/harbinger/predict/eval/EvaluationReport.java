package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Format.cell;
import static io.harbinger.predict.eval.Format.days;
import static io.harbinger.predict.eval.Format.inline;
import static io.harbinger.predict.eval.Format.rate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * The evaluation as a Markdown report: the model against the SMART rule and the delta rule with 95%
 * bootstrap intervals, the model at the baselines' false-alarm rates, lead times, the reliability of the
 * buckets, the calibration, the counters' ceiling and the definitions. Returns the text; the caller writes it.
 */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    /** The report of {@link Findings#of(Evaluation)} (default bootstrap and bucket windows). */
    public static String markdown(Evaluation e, ReportContext ctx) {
        if (e == null || ctx == null) throw new IllegalArgumentException("evaluation and context must be non-null");
        return markdown(Findings.of(e), ctx);
    }

    public static String markdown(Findings f, ReportContext ctx) {
        if (f == null || ctx == null) throw new IllegalArgumentException("findings and context must be non-null");
        Evaluation e = f.evaluation();
        StringBuilder md = new StringBuilder();
        header(md, f, ctx);
        comparison(md, e, f.intervals());
        atBaselineRates(md, e, f.intervals());
        ranking(md, e);
        leadTimes(md, e);
        QualitySections.reliability(md, f.reliability());
        QualitySections.calibration(md, f.reliability());
        QualitySections.ceiling(md, f.ceiling(), e);
        definitions(md, f);
        notes(md, ctx.notes());
        return md.toString();
    }

    private static void header(StringBuilder md, Findings f, ReportContext ctx) {
        Evaluation e = f.evaluation();
        long periodDays = ChronoUnit.DAYS.between(ctx.from(), ctx.to()) + 1;
        md.append("# ").append(inline(ctx.title())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Model version", cell(ctx.modelVersion()));
        row(md, "Data", cell(ctx.dataDescription()));
        row(md, "Evaluation period", ctx.from() + " to " + ctx.to() + " (" + periodDays + " days)");
        row(md, "Drives", cell(ctx.drivesDescription()));
        row(md, "Horizon", e.horizonDays() + " days");
        row(md, "Model threshold", rate(e.threshold()) + " (chosen on validation data)");
        row(md, "Scored days", e.firstDay().map(d -> d + " to " + e.lastDay().orElseThrow()).orElse("none"));
        row(md, "Intervals", "95%, bootstrap over drives, " + f.intervals().resamples() + " resamples, seed " + f.intervals().seed());
        md.append('\n');
        if (scoredOutside(e, ctx.from(), ctx.to())) {
            md.append("**Warning:** scored days fall outside the stated evaluation period.\n\n");
        }
    }

    private static boolean scoredOutside(Evaluation e, LocalDate from, LocalDate to) {
        return e.firstDay().map(d -> d.isBefore(from)).orElse(false) || e.lastDay().map(d -> d.isAfter(to)).orElse(false);
    }

    private static void comparison(StringBuilder md, Evaluation e, Intervals ci) {
        md.append("## Model vs baselines (same drives, same days; value [95% interval])\n\n");
        md.append("| figure | model | SMART rule | delta rule |\n|---|---:|---:|---:|\n");
        figure(md, e, "drives", m -> Integer.toString(m.drives()));
        figure(md, e, "failed", m -> Integer.toString(m.failed()));
        figure(md, e, "healthy", m -> Integer.toString(m.healthy()));
        figure(md, e, "recalled", m -> Integer.toString(m.recalled()));
        withIntervals(md, e, ci, "recall", (m, i) -> rate(m.recall(), i.recall()));
        figure(md, e, "false alarms", m -> Integer.toString(m.falseAlarms()));
        withIntervals(md, e, ci, "false-alarm rate", (m, i) -> rate(m.falseAlarmRate(), i.falseAlarmRate()));
        withIntervals(md, e, ci, "precision", (m, i) -> rate(m.precision(), i.precision()));
        figure(md, e, "early only", m -> Integer.toString(m.earlyOnly()));
        withIntervals(md, e, ci, "median lead time (days)", (m, i) -> days(m.leadTimes().median(), i.medianLeadTime()));
        md.append('\n');
    }

    private static void atBaselineRates(StringBuilder md, Evaluation e, Intervals ci) {
        md.append("## Model at the baselines' false-alarm rates\n\n");
        md.append("| at the false-alarm rate of | its false alarms | its recall | model threshold | model false alarms | model recall |\n|---|---:|---:|---:|---:|---:|\n");
        atRate(md, "delta rule", e.deltaRule(), ci.deltaRule(), e.modelAtDeltaFalseAlarmRate(), ci.modelRecallAtDeltaFalseAlarmRate());
        atRate(md, "SMART rule", e.rule(), ci.rule(), e.modelAtRuleFalseAlarmRate(), ci.modelRecallAtRuleFalseAlarmRate());
        md.append("\n- Model recall minus delta rule recall, at the delta rule's false-alarm rate: ")
                .append(rate(e.recallGainOverDeltaRule(), ci.recallGainOverDeltaRule())).append("\n\n");
    }

    private static void atRate(StringBuilder md, String name, Metrics baseline, PredictorIntervals baselineCi, OperatingPoint model, Interval modelRecall) {
        String threshold = model.flagsNothing() ? "above every score" : rate(model.threshold());
        md.append("| ").append(name).append(" (").append(rate(baseline.falseAlarmRate())).append(") | ").append(baseline.falseAlarms())
                .append(" | ").append(rate(baseline.recall(), baselineCi.recall())).append(" | ").append(threshold)
                .append(" | ").append(model.falseAlarms()).append(" | ").append(rate(model.recall(), modelRecall)).append(" |\n");
    }

    private static void ranking(StringBuilder md, Evaluation e) {
        md.append("## Ranking\n\n");
        md.append("- PR-AUC (average precision, drive level): ").append(rate(e.prAuc())).append('\n');
        md.append("- Model false-alarm rate at the SMART rule's recall (").append(rate(e.rule().recall())).append("): ")
                .append(rate(e.modelFalseAlarmRateAtRuleRecall())).append(" at threshold ").append(thresholdAtRuleRecall(e))
                .append("; the rule's false-alarm rate is ").append(rate(e.rule().falseAlarmRate()))
                .append(", ratio model / rule ").append(ratioToRule(e)).append("\n\n");
    }

    private static String thresholdAtRuleRecall(Evaluation e) {
        return e.thresholdAtRuleRecall() == Double.POSITIVE_INFINITY ? "above every score (the rule recalls no failed drive)" : rate(e.thresholdAtRuleRecall());
    }

    private static String ratioToRule(Evaluation e) {
        double ruleRate = e.rule().falseAlarmRate();
        if (!(ruleRate > 0)) return Format.NOT_AVAILABLE + " (the rule has no false-alarm rate above 0)";
        return Format.fixed(e.modelFalseAlarmRateAtRuleRecall() / ruleRate, 2);
    }

    private static void leadTimes(StringBuilder md, Evaluation e) {
        md.append("## Lead time (days from the first flag to the failure, recalled drives)\n\n");
        md.append("| statistic | model | SMART rule | delta rule |\n|---|---:|---:|---:|\n");
        figure(md, e, "recalled drives", m -> Integer.toString(m.leadTimes().count()));
        figure(md, e, "median", m -> days(m.leadTimes().median()));
        for (int p : new int[] {10, 25, 75, 90}) figure(md, e, "p" + p, m -> days(m.leadTimes().percentile(p)));
        md.append("\n| lead time (days) | model | SMART rule | delta rule |\n|---|---:|---:|---:|\n");
        List<LeadTimeBin> model = e.model().leadTimes().histogram();
        List<LeadTimeBin> rule = e.rule().leadTimes().histogram();
        List<LeadTimeBin> delta = e.deltaRule().leadTimes().histogram();
        for (int i = 0; i < model.size(); i++) {
            md.append("| ").append(cell(model.get(i).label())).append(" | ").append(model.get(i).count()).append(" | ").append(rule.get(i).count())
                    .append(" | ").append(delta.get(i).count()).append(" |\n");
        }
        md.append('\n');
    }

    private static void definitions(StringBuilder md, Findings f) {
        int h = f.evaluation().horizonDays();
        Reliability r = f.reliability();
        md.append("## Definitions\n\n");
        List.of(
                "**Counters**: raw SMART 5 (reallocated sectors), 187 (reported uncorrectable), 188 (command timeout), 197 (pending sectors), 198 (offline uncorrectable).",
                "**SMART rule**: flags a drive on a day when any counter is > 0 that day.",
                "**Delta rule**: flags a drive on a day when any counter grew within the last 7 days (rose from one sample to the next at least once in the 7 days ending that day).",
                "**Model**: flags a drive on a day when its probability is >= the threshold.",
                "**Window** of a drive failing on day F: the days d with 0 <= F - d < " + h + ".",
                "**Failed / healthy**: failed drives have a failure row in the period; all others are healthy, including drives that left without one.",
                "**Recalled**: a failed drive flagged on at least one day of its window. **Recall** = recalled / failed.",
                "**False alarm**: a healthy drive flagged on any day. **False-alarm rate** = false alarms / healthy.",
                "**Precision** = recalled / (recalled + false alarms).",
                "**Early only**: a failed drive flagged only before its window; neither recalled nor a false alarm.",
                "**Lead time**: F minus the first day the recalled drive was flagged in the whole period. Percentiles interpolate linearly between ranks.",
                "**PR-AUC**: average precision of the drive-level PR curve, a failed drive scoring its highest probability in its window, a healthy one its highest in the period.",
                "**Model FAR at the rule's recall**: the model's false-alarm rate at the highest threshold whose recall is >= the rule's.",
                "**Model at a baseline's false-alarm rate**: the model at the lowest threshold with no more false alarms than the baseline (the most it recalls within the baseline's false-alarm budget).",
                "**Intervals**: 95% percentile bootstrap over drives (" + f.intervals().resamples() + " resamples with replacement, seed " + f.intervals().seed()
                        + "); the model's threshold stays fixed, the model at a baseline's rate is recomputed in each resample; resamples where a figure is undefined are left out of its interval.",
                "**Reliability**: a drive-day d counts as failed within W days when 0 <= F - d < W; W = " + r.badWithinDays() + " for bad, " + r.warningWithinDays()
                        + " for warning, good and unknown, " + r.horizonDays() + " (the horizon) for calibration. Days whose W days run past the period's last day ("
                        + r.lastDay().map(LocalDate::toString).orElse("none") + ") are censored, failed or not (keeping the failures only would bias the share up): left out, counted apart. Mean probabilities are over the judged days.",
                "**Ceiling**: among failed drives, those with a counter > 0 (SMART rule flag) or a counter growth (delta rule flag) on a scored day of the window; those with neither cannot be expected to be caught from these counters.",
                "**n/a**: the figure's denominator is 0.")
                .forEach(d -> md.append("- ").append(d).append('\n'));
        md.append('\n');
    }

    private static void notes(StringBuilder md, List<String> notes) {
        if (notes.isEmpty()) return;
        md.append("## Notes\n\n");
        notes.forEach(n -> md.append("- ").append(inline(n)).append('\n'));
        md.append('\n');
    }

    private static void figure(StringBuilder md, Evaluation e, String name, Function<Metrics, String> value) {
        md.append("| ").append(name).append(" | ").append(value.apply(e.model())).append(" | ").append(value.apply(e.rule()))
                .append(" | ").append(value.apply(e.deltaRule())).append(" |\n");
    }

    private interface WithInterval {
        String format(Metrics m, PredictorIntervals ci);
    }

    private static void withIntervals(StringBuilder md, Evaluation e, Intervals ci, String name, WithInterval value) {
        md.append("| ").append(name).append(" | ").append(value.format(e.model(), ci.model())).append(" | ").append(value.format(e.rule(), ci.rule()))
                .append(" | ").append(value.format(e.deltaRule(), ci.deltaRule())).append(" |\n");
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
