package io.harbinger.predict.train;

import io.harbinger.predict.eval.Evaluation;
import io.harbinger.predict.eval.EvaluationReport;
import io.harbinger.predict.eval.ReportContext;
import io.harbinger.predict.model.ModelInfo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code harbinger train}'s report: which periods did what, what validation chose, and the test
 * period's judgement — on all drives (split by time) and on the held-out drives alone (split by
 * time and by drive). Returns Markdown; the caller writes it.
 */
public final class TrainingReport {
    private TrainingReport() {
    }

    public static String markdown(Training.Result r, String data, String plotFile) {
        ModelInfo info = r.model().info();
        StringBuilder md = new StringBuilder();
        md.append("# Harbinger failure model ").append(info.version()).append("\n\n");
        md.append("Made by `harbinger train` on ").append(data).append(" (Backblaze Drive Stats); ")
                .append(r.driveDays()).append(" drive-days read. Every figure below the first table is the **test period**, ")
                .append("which no choice saw. Plot: ").append(plotFile).append(".\n\n");
        md.append("## Which periods did what\n\n| | |\n|---|---|\n");
        Map<String, String> t = info.training();
        for (String key : List.of("periods", "training", "validation", "test", "families", "rows", "alarmPolicies", "calibration", "params")) {
            if (t.containsKey(key)) md.append("| ").append(key).append(" | ").append(t.get(key).replace("|", "\\|")).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "| buckets | bad: calibrated risk of failing within %d days >= %.4f; warning: risk within %d days >= %.4f; "
                        + "unknown: fewer than %d days of history |\n\n",
                info.horizonDays(), info.thresholds().alert(), info.warningDays(), info.thresholds().warning(), info.thresholds().minHistoryDays()));
        md.append("## Validation (where the choices were made)\n\n");
        md.append(String.format(Locale.ROOT, "Held-out drives of the fitting period: %d drives, %d failed; recall %.3f at false-alarm rate %.4f; PR-AUC %.3f.%n%n",
                r.validation().model().drives(), r.validation().model().failed(), r.validation().model().recall(),
                r.validation().model().falseAlarmRate(), r.validation().prAuc()));
        md.append(demoted(EvaluationReport.markdown(r.testAll(), context(r, "Test period, all drives (split by time)", "all drives"))));
        md.append(demoted(EvaluationReport.markdown(r.testHeldOut(), context(r, "Test period, held-out drives (split by time and by drive)",
                "held-out drives (split " + t.get(Training.DRIVE_SPLIT) + "), never trained on"))));
        return md.toString();
    }

    /** One line for the console: the test figures that matter. */
    public static String headline(Training.Result r) {
        Evaluation e = r.testAll();
        return String.format(Locale.ROOT, "test %s..%s, all drives: recall %.3f at false-alarm rate %.4f (%d of %d failed drives, %d false alarms of %d), "
                        + "PR-AUC %.3f, median lead %s days; SMART rule recall %.3f at %.4f",
                r.periods().testFrom(), r.periods().last(), e.model().recall(), e.model().falseAlarmRate(), e.model().recalled(), e.model().failed(),
                e.model().falseAlarms(), e.model().healthy(), e.prAuc(), e.model().leadTimes().median(), e.rule().recall(), e.rule().falseAlarmRate());
    }

    private static ReportContext context(Training.Result r, String title, String drives) {
        LocalDate from = r.periods().testFrom(), to = r.periods().last();
        return new ReportContext(title, r.model().version(), r.model().info().training().getOrDefault("data", "?"), from, to, drives, List.of());
    }

    /** The evaluation report's headings one level down, under this report's title. */
    private static String demoted(String md) {
        return md.replaceAll("(?m)^#", "##") + "\n";
    }
}
