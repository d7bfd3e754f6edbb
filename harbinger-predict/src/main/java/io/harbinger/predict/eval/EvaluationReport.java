package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Format.cell;
import static io.harbinger.predict.eval.Format.days;
import static io.harbinger.predict.eval.Format.inline;
import static io.harbinger.predict.eval.Format.rate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/** The evaluation as a Markdown report. Returns the text; the caller writes it. */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    public static String markdown(Evaluation e, ReportContext ctx) {
        if (e == null || ctx == null) throw new IllegalArgumentException("evaluation and context must be non-null");
        StringBuilder md = new StringBuilder();
        header(md, e, ctx);
        comparison(md, e);
        ranking(md, e);
        leadTimes(md, e);
        definitions(md, e.horizonDays());
        notes(md, ctx.notes());
        return md.toString();
    }

    private static void header(StringBuilder md, Evaluation e, ReportContext ctx) {
        long periodDays = ChronoUnit.DAYS.between(ctx.from(), ctx.to()) + 1;
        md.append("# ").append(inline(ctx.title())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Model version", cell(ctx.modelVersion()));
        row(md, "Data", cell(ctx.dataDescription()));
        row(md, "Evaluation period", ctx.from() + " to " + ctx.to() + " (" + periodDays + " days)");
        row(md, "Drives", cell(ctx.drivesDescription()));
        row(md, "Horizon", e.horizonDays() + " days");
        row(md, "Model threshold", rate(e.threshold()) + " (chosen on validation data)");
        row(md, "Scored days", e.firstDay().map(f -> f + " to " + e.lastDay().orElseThrow()).orElse("none"));
        md.append('\n');
        if (scoredOutside(e, ctx.from(), ctx.to())) {
            md.append("**Warning:** scored days fall outside the stated evaluation period.\n\n");
        }
    }

    private static boolean scoredOutside(Evaluation e, LocalDate from, LocalDate to) {
        return e.firstDay().map(d -> d.isBefore(from)).orElse(false) || e.lastDay().map(d -> d.isAfter(to)).orElse(false);
    }

    private static void comparison(StringBuilder md, Evaluation e) {
        md.append("## Model vs SMART rule\n\n| figure | model | SMART rule |\n|---|---:|---:|\n");
        figure(md, e, "drives", m -> Integer.toString(m.drives()));
        figure(md, e, "failed", m -> Integer.toString(m.failed()));
        figure(md, e, "healthy", m -> Integer.toString(m.healthy()));
        figure(md, e, "recalled", m -> Integer.toString(m.recalled()));
        figure(md, e, "recall", m -> rate(m.recall()));
        figure(md, e, "false alarms", m -> Integer.toString(m.falseAlarms()));
        figure(md, e, "false-alarm rate", m -> rate(m.falseAlarmRate()));
        figure(md, e, "precision", m -> rate(m.precision()));
        figure(md, e, "early only", m -> Integer.toString(m.earlyOnly()));
        figure(md, e, "median lead time (days)", m -> days(m.leadTimes().median()));
        md.append('\n');
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
        md.append("| statistic | model | SMART rule |\n|---|---:|---:|\n");
        figure(md, e, "recalled drives", m -> Integer.toString(m.leadTimes().count()));
        figure(md, e, "median", m -> days(m.leadTimes().median()));
        for (int p : new int[] {10, 25, 75, 90}) figure(md, e, "p" + p, m -> days(m.leadTimes().percentile(p)));
        md.append("\n| lead time (days) | model | SMART rule |\n|---|---:|---:|\n");
        List<LeadTimeBin> model = e.model().leadTimes().histogram();
        List<LeadTimeBin> rule = e.rule().leadTimes().histogram();
        for (int i = 0; i < model.size(); i++) {
            md.append("| ").append(cell(model.get(i).label())).append(" | ").append(model.get(i).count()).append(" | ").append(rule.get(i).count()).append(" |\n");
        }
        md.append('\n');
    }

    private static void definitions(StringBuilder md, int h) {
        md.append("## Definitions\n\n");
        List.of(
                "**Flagged**: on a day, the model's probability is >= the threshold (model) or any raw SMART 5/187/188/197/198 is > 0 (rule).",
                "**Window** of a drive failing on day F: the days d with 0 <= F - d < " + h + ".",
                "**Failed / healthy**: failed drives have a failure row in the period; all others are healthy, including drives that left without one.",
                "**Recalled**: a failed drive flagged on at least one day of its window. **Recall** = recalled / failed.",
                "**False alarm**: a healthy drive flagged on any day. **False-alarm rate** = false alarms / healthy.",
                "**Precision** = recalled / (recalled + false alarms).",
                "**Early only**: a failed drive flagged only before its window; neither recalled nor a false alarm.",
                "**Lead time**: F minus the first day the recalled drive was flagged in the whole period. Percentiles interpolate linearly between ranks.",
                "**PR-AUC**: average precision of the drive-level PR curve, a failed drive scoring its highest probability in its window, a healthy one its highest in the period.",
                "**Model FAR at the rule's recall**: the model's false-alarm rate at the highest threshold whose recall is >= the rule's.",
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
        md.append("| ").append(name).append(" | ").append(value.apply(e.model())).append(" | ").append(value.apply(e.rule())).append(" |\n");
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
