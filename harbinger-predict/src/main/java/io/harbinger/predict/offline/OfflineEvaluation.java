package io.harbinger.predict.offline;

import io.harbinger.predict.eval.DriveScores;
import io.harbinger.predict.eval.Evaluation;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.train.DriveSplit;
import io.harbinger.predict.train.Training;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code harbinger evaluate}'s computation: scores every selected drive-day of {@code [from, to]} with
 * the model's whole chain, as the stream does (history and the alarm's recent scores built from
 * {@code warmupDays} before, as a running system would have them), and evaluates drive by drive at the
 * model's alert threshold.
 */
public final class OfflineEvaluation {
    /** Which drives are evaluated. */
    public enum Drives { HELD_OUT, ALL }

    private OfflineEvaluation() {
    }

    /** The evaluation and the per-drive scores it was computed from. */
    public record Result(Evaluation evaluation, List<DriveScores> scores, int driveDays) {
    }

    public static Result run(FailureModel model, Path dir, LocalDate from, LocalDate to, Drives drives, int warmupDays) {
        Map<String, Long> failures = new HashMap<>(); // a drive's first failure row in the period, seen in the same pass
        FleetScores rows = new FleetScores();
        Predicate<String> selected = selection(model, drives);
        FleetScan.scan(dir, from.minusDays(warmupDays), to, 0, selected, day -> {
            rows.add(day);
            if (day.failure()) failures.putIfAbsent(day.drive(), day.epochDay());
        });
        List<DriveScores> scores = rows.assess(model, failures, from.toEpochDay(), to.toEpochDay(), selected);
        if (scores.isEmpty()) throw new IllegalArgumentException("no drive-day of the selected drives in " + dir + " between " + from + " and " + to);
        Evaluation evaluation = Evaluation.of(scores, model.info().horizonDays(), model.info().thresholds().alert());
        return new Result(evaluation, scores, scores.stream().mapToInt(d -> d.days().size()).sum());
    }

    static Predicate<String> selection(FailureModel model, Drives drives) {
        if (drives == Drives.ALL) return d -> true;
        String split = model.info().training().get(Training.DRIVE_SPLIT);
        if (split == null) throw new IllegalArgumentException("model " + model.version() + " does not record its drive split; evaluate with all drives");
        DriveSplit s = DriveSplit.parse(split);
        return s::heldOut;
    }
}
