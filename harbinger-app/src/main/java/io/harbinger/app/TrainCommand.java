package io.harbinger.app;

import io.harbinger.predict.eval.EvaluationPlot;
import io.harbinger.predict.model.ModelFile;
import io.harbinger.predict.offline.BackblazeDays;
import io.harbinger.predict.train.Periods;
import io.harbinger.predict.train.Training;
import io.harbinger.predict.train.TrainingParams;
import io.harbinger.predict.train.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code harbinger train}: fit, choose and judge the failure model on Backblaze daily CSVs; write the model file and its report. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the failure model (XGBoost) on Backblaze Drive Stats daily CSVs, split by time and by drive:",
                "the last --test-days days are the test period (judged once, never used for a choice); before them, the",
                "training drives fit the model and the held-out drives choose the alarm, the calibration and the thresholds."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Folder of daily CSVs named YYYY-MM-DD.csv[.gz].")
    Path data;

    @Option(names = "--from", description = "First day read (YYYY-MM-DD). Default: the folder's first day.")
    LocalDate from;

    @Option(names = "--to", description = "Last day read, the test period's last. Default: the folder's last day.")
    LocalDate to;

    @Option(names = "--test-days", defaultValue = "91", description = "Days at the end that are the test period. Default: ${DEFAULT-VALUE}")
    int testDays;

    @Option(names = "--horizon", defaultValue = "14d", converter = DurationConverter.class,
            description = "'bad' means: likely to fail within this time (whole days). Default: ${DEFAULT-VALUE}")
    Duration horizon;

    @Option(names = "--warning-window", defaultValue = "42d", converter = DurationConverter.class,
            description = "'warning' means: likely to fail within this time. Default: ${DEFAULT-VALUE}")
    Duration warningWindow;

    @Option(names = "--out", required = true, description = "Model file to write (JSON).")
    Path out;

    @Option(names = "--report", description = "Markdown report to write; the plot goes beside it (.svg). Default: beside --out, <name>-report.md")
    Path report;

    @Override
    public Integer call() throws Exception {
        int horizonDays = CliDates.wholeDays(horizon, "--horizon");
        int warningDays = CliDates.wholeDays(warningWindow, "--warning-window");
        LocalDate dataFirst = BackblazeDays.firstDay(data); // names a missing or empty folder before any period is judged
        LocalDate first = from != null ? from : dataFirst;
        LocalDate last = to != null ? to : BackblazeDays.lastDay(data);
        CliDates.requireOrder(first, last);
        Periods periods = Periods.lastDaysForTest(first, last, testDays);
        Training.Result result = Training.run(data, periods, TrainingParams.defaults().withHorizon(horizonDays, warningDays));
        ModelFile.write(result.model(), out);
        Path md = report != null ? report : out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + "-report.md");
        Path plot = md.resolveSibling(md.getFileName().toString().replaceFirst("\\.md$", "") + ".svg");
        if (md.toAbsolutePath().getParent() != null) Files.createDirectories(md.toAbsolutePath().getParent());
        Files.writeString(md, TrainingReport.markdown(result, data.getFileName().toString(), plot.getFileName().toString()), StandardCharsets.UTF_8);
        Files.writeString(plot, EvaluationPlot.svg(result.testAll()), StandardCharsets.UTF_8);
        System.out.printf("model %s written to %s; report %s%n", result.model().version(), out, md);
        System.out.println(TrainingReport.headline(result));
        result.summary().forEach((k, v) -> System.out.printf("  %s: %s%n", k, v));
        return 0;
    }
}
