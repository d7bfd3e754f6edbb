package io.harbinger.app;

import io.harbinger.predict.eval.EvaluationPlot;
import io.harbinger.predict.eval.EvaluationReport;
import io.harbinger.predict.eval.ReportContext;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelFile;
import io.harbinger.predict.offline.OfflineEvaluation;
import io.harbinger.predict.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code harbinger evaluate}: drive-level figures of a model and of the classic SMART rule on the same days. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model drive by drive (recall, false alarms, precision, PR-AUC, lead time) beside the SMART rule; writes a Markdown report and an SVG plot.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model file (from harbinger train).")
    Path model;

    @Option(names = "--data", required = true, description = "Folder of daily CSVs named YYYY-MM-DD.csv[.gz].")
    Path data;

    @Option(names = "--from", required = true, description = "First evaluated day (YYYY-MM-DD); at least one horizon after the training period.")
    LocalDate from;

    @Option(names = "--to", required = true, description = "Last evaluated day.")
    LocalDate to;

    @Option(names = "--drives", defaultValue = "held_out",
            description = "held_out (the drives training never saw) or all. Default: ${DEFAULT-VALUE}")
    OfflineEvaluation.Drives drives;

    @Option(names = "--warmup-days", defaultValue = "30",
            description = "Days before --from read only to build each drive's history. Default: ${DEFAULT-VALUE}")
    int warmupDays;

    @Option(names = "--report", defaultValue = "evaluation.md",
            description = "Markdown report to write; the plot goes beside it (.svg). Default: ${DEFAULT-VALUE}")
    Path report;

    @Override
    public Integer call() throws Exception {
        CliDates.requireOrder(from, to);
        try (FailureModel m = ModelFile.read(model)) {
            OfflineEvaluation.Result result = OfflineEvaluation.run(m, data, from, to, drives, CliDates.warmupDays(warmupDays));
            Path plot = report.resolveSibling(report.getFileName().toString().replaceFirst("\\.md$", "") + ".svg");
            ReportContext ctx = new ReportContext("Harbinger failure model " + m.version(), m.version(),
                    data.getFileName() + " (Backblaze Drive Stats), " + result.driveDays() + " drive-days scored",
                    from, to, drives == OfflineEvaluation.Drives.HELD_OUT ? "held-out drives (split " + m.info().training().get(Training.DRIVE_SPLIT) + ")" : "all drives",
                    List.of("Model trained on " + m.info().training().getOrDefault("period", "?") + "; thresholds chosen on "
                                    + m.info().training().getOrDefault("validation", "validation data") + ".",
                            "History warm-up: " + warmupDays + " days before " + from + ".",
                            "Plot: " + plot.getFileName()));
            if (report.toAbsolutePath().getParent() != null) Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, EvaluationReport.markdown(result.evaluation(), ctx), StandardCharsets.UTF_8);
            Files.writeString(plot, EvaluationPlot.svg(result.evaluation()), StandardCharsets.UTF_8);
            var e = result.evaluation();
            System.out.printf("model %s on %s..%s (%s): recall %.3f, false-alarm rate %.4f, precision %.3f, PR-AUC %.3f, median lead %s days%n",
                    m.version(), from, to, drives, e.model().recall(), e.model().falseAlarmRate(), e.model().precision(), e.prAuc(),
                    e.model().leadTimes().median());
            System.out.printf("SMART rule: recall %.3f, false-alarm rate %.4f%n", e.rule().recall(), e.rule().falseAlarmRate());
            System.out.printf("report %s, plot %s%n", report, plot);
        }
        return 0;
    }
}
