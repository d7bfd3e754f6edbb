package io.harbinger.predict.train;

import io.harbinger.predict.eval.DriveScores;
import io.harbinger.predict.eval.Evaluation;
import io.harbinger.predict.eval.Thresholds;
import io.harbinger.predict.model.AlertThresholds;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelFile;
import io.harbinger.predict.offline.DriveDay;
import io.harbinger.predict.offline.FleetScan;
import io.harbinger.predict.offline.FleetScores;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * {@code harbinger train}: fits the model on the training drives of {@code [from, to]} and chooses its
 * thresholds on the held-out drives of the same period (validation; test data is never seen here: it is a
 * later period, {@code harbinger evaluate}'s). Features come from {@link FleetScan}, the stream's code.
 */
public final class Training {
    private static final Logger LOG = LoggerFactory.getLogger(Training.class);
    /** Key of the drive split in {@link io.harbinger.predict.model.ModelInfo#training()}: evaluation holds out the same drives. */
    public static final String DRIVE_SPLIT = "driveSplit";

    private Training() {
    }

    /** What training produced: the model and the figures of its validation. */
    public record Result(FailureModel model, Map<String, String> summary) {
    }

    public static Result run(Path dir, LocalDate from, LocalDate to, TrainingParams params) {
        long started = System.nanoTime();
        Map<String, Long> failures = FleetScan.failures(dir, from.minusDays(params.warmupDays()), to);
        Labels labels = new Labels(failures, params.horizonDays(), to.toEpochDay());
        RowBuffer train = new RowBuffer();
        FloatList trainLabels = new FloatList();
        FloatList trainWeights = new FloatList();
        FleetScores validation = new FleetScores();
        int[] positives = {0};
        FleetScan.scan(dir, from, to, params.warmupDays(), d -> true, day -> {
            if (params.split().heldOut(day.drive())) {
                validation.add(day);
                return;
            }
            int label = labels.of(day.drive(), day.epochDay());
            if (label == Labels.UNKNOWN) return;
            if (label == Labels.NEGATIVE && !kept(day, params.negativeKeepEvery())) return;
            train.add(day.features());
            trainLabels.add(label);
            trainWeights.add(label == Labels.POSITIVE ? 1 : params.negativeKeepEvery());
            if (label == Labels.POSITIVE) positives[0]++;
        });
        long scanned = System.nanoTime();
        LOG.info("training rows: {} ({} positive); validation drive-days: {}", train.rows(), positives[0], validation.size());
        Booster booster = fit(train, trainLabels, trainWeights, params);
        long fitted = System.nanoTime();
        FailureModel scorer = ModelFile.of(booster, params.horizonDays(), new AlertThresholds(1, 1, params.minHistoryDays()), Map.of());
        List<DriveScores> scored = validation.score(scorer, failures);
        double alert = Thresholds.forFalseAlarmRate(scored, params.horizonDays(), params.maxFalseAlarmRate());
        double warning = Math.min(alert, Thresholds.forFalseAlarmRate(scored, params.horizonDays(), params.warningFalseAlarmRate()));
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("data", dir.getFileName().toString());
        summary.put("period", from + ".." + to + " (history from " + params.warmupDays() + " days before)");
        summary.put(DRIVE_SPLIT, params.split().toString());
        summary.put("validation", "held-out drives of the training period; alert threshold at false-alarm rate <= "
                + params.maxFalseAlarmRate() + ", warning at <= " + params.warningFalseAlarmRate());
        summary.put("rows", train.rows() + " (" + positives[0] + " positive, negatives 1 in " + params.negativeKeepEvery() + ")");
        summary.put("validationDriveDays", Integer.toString(validation.size()));
        summary.put("params", params.booster() + ", rounds=" + params.rounds());
        Evaluation v = Evaluation.of(scored, params.horizonDays(), alert);
        summary.put("validationFigures", String.format(java.util.Locale.ROOT,
                "drives %d (%d failed): recall %.3f, false-alarm rate %.4f, PR-AUC %.3f; SMART rule recall %.3f, false-alarm rate %.4f",
                v.model().drives(), v.model().failed(), v.model().recall(), v.model().falseAlarmRate(), v.prAuc(), v.rule().recall(), v.rule().falseAlarmRate()));
        FailureModel model = ModelFile.of(booster, params.horizonDays(), new AlertThresholds(alert, warning, params.minHistoryDays()), summary);
        Map<String, String> report = new LinkedHashMap<>(summary); // timings vary from run to run: not in the model file
        report.put("scanSeconds", seconds(scanned - started));
        report.put("fitSeconds", seconds(fitted - scanned));
        report.put("totalSeconds", seconds(System.nanoTime() - started));
        return new Result(model, report);
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    static boolean kept(DriveDay day, int every) {
        if (every == 1) return true;
        CRC32C crc = new CRC32C();
        crc.update(day.drive().getBytes(StandardCharsets.UTF_8));
        crc.update((int) day.epochDay());
        return crc.getValue() % every == 0;
    }

    private static Booster fit(RowBuffer rows, FloatList labels, FloatList weights, TrainingParams params) {
        try {
            DMatrix matrix = new DMatrix(rows.values(), rows.rows(), io.harbinger.predict.feature.Features.COUNT, Float.NaN);
            try {
                matrix.setLabel(labels.toArray());
                matrix.setWeight(weights.toArray());
                return XGBoost.train(matrix, params.booster(), params.rounds(), Map.of(), null, null);
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }
}
