package io.harbinger.app;

import io.harbinger.predict.model.ModelFile;
import io.harbinger.predict.train.Training;
import io.harbinger.predict.train.TrainingParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code harbinger train}: fit the failure model on Backblaze daily CSVs and write the model file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the failure model (XGBoost) on Backblaze Drive Stats daily CSVs; thresholds are chosen on held-out drives.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Folder of daily CSVs named YYYY-MM-DD.csv[.gz].")
    Path data;

    @Option(names = "--from", required = true, description = "First day of the training period (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", required = true, description = "Last day of the training period; evaluate on days after --to plus one horizon.")
    LocalDate to;

    @Option(names = "--horizon", defaultValue = "10d", converter = DurationConverter.class,
            description = "Predict failure within this time, whole days. Default: ${DEFAULT-VALUE}")
    Duration horizon;

    @Option(names = "--warmup-days", defaultValue = "30",
            description = "Days before --from read only to build each drive's history (as evaluate does). Default: ${DEFAULT-VALUE}")
    int warmupDays;

    @Option(names = "--out", required = true, description = "Model file to write (JSON).")
    Path out;

    @Override
    public Integer call() throws Exception {
        int horizonDays = CliDates.wholeDays(horizon, "--horizon");
        CliDates.requireOrder(from, to);
        Training.Result result = Training.run(data, from, to, TrainingParams.defaults(horizonDays).withWarmupDays(CliDates.warmupDays(warmupDays)));
        ModelFile.write(result.model(), out);
        System.out.printf("model %s written to %s%n", result.model().version(), out);
        System.out.printf("alert threshold %.4f, warning threshold %.4f (chosen on validation drives)%n",
                result.model().info().thresholds().alert(), result.model().info().thresholds().warning());
        result.summary().forEach((k, v) -> System.out.printf("  %s: %s%n", k, v));
        return 0;
    }
}
