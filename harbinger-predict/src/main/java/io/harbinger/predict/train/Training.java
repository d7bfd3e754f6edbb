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
        Rows rows = collect(dir, from, to, params, new Labels(failures, params.horizonDays(), to.toEpochDay()));
        long scanned = System.nanoTime();
        LOG.info("training rows: {} ({} positive); validation drive-days: {}", rows.train.rows(), rows.positives, rows.validation.size());
        Booster booster = fit(rows, params);
        long fitted = System.nanoTime();
        // the same booster, thresholds not chosen yet: only its probabilities are used (never closed: it shares the booster)
        FailureModel unthresholded = ModelFile.of(booster, params.horizonDays(), new AlertThresholds(1, 1, params.minHistoryDays()), Map.of());
        List<DriveScores> validation = rows.validation.score(unthresholded, failures);
        double alert = Thresholds.forFalseAlarmRate(validation, params.horizonDays(), params.maxFalseAlarmRate());
        double warning = Math.min(alert, Thresholds.forFalseAlarmRate(validation, params.horizonDays(), params.warningFalseAlarmRate()));
        Map<String, String> summary = summary(dir, from, to, params, rows, Evaluation.of(validation, params.horizonDays(), alert));
        FailureModel model = ModelFile.of(booster, params.horizonDays(), new AlertThresholds(alert, warning, params.minHistoryDays()), summary);
        Map<String, String> report = new LinkedHashMap<>(summary); // timings vary from run to run: not in the model file
        report.put("scanSeconds", seconds(scanned - started));
        report.put("fitSeconds", seconds(fitted - scanned));
        report.put("totalSeconds", seconds(System.nanoTime() - started));
        return new Result(model, report);
    }

    /** The labelled training rows of the training drives, and every drive-day of the held-out drives. */
    private static final class Rows {
        final RowBuffer train = new RowBuffer();
        final FloatList labels = new FloatList();
        final FloatList weights = new FloatList();
        final FleetScores validation = new FleetScores();
        int positives;
    }

    private static Rows collect(Path dir, LocalDate from, LocalDate to, TrainingParams params, Labels labels) {
        Rows rows = new Rows();
        FleetScan.scan(dir, from, to, params.warmupDays(), d -> true, day -> {
            if (params.split().heldOut(day.drive())) {
                rows.validation.add(day);
                return;
            }
            int label = labels.of(day.drive(), day.epochDay());
            if (label == Labels.UNKNOWN || (label == Labels.NEGATIVE && !kept(day, params.negativeKeepEvery()))) return;
            rows.train.add(day.features());
            rows.labels.add(label);
            rows.weights.add(label == Labels.POSITIVE ? 1 : params.negativeKeepEvery());
            if (label == Labels.POSITIVE) rows.positives++;
        });
        return rows;
    }

    /** How the model was made, kept in its file ({@link io.harbinger.predict.model.ModelInfo#training()}). */
    private static Map<String, String> summary(Path dir, LocalDate from, LocalDate to, TrainingParams params, Rows rows, Evaluation v) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("data", dir.getFileName().toString());
        summary.put("period", from + ".." + to + " (history from " + params.warmupDays() + " days before)");
        summary.put(DRIVE_SPLIT, params.split().toString());
        summary.put("validation", "held-out drives of the training period; alert threshold at false-alarm rate <= "
                + params.maxFalseAlarmRate() + ", warning at <= " + params.warningFalseAlarmRate());
        summary.put("rows", rows.train.rows() + " (" + rows.positives + " positive, negatives 1 in " + params.negativeKeepEvery() + ")");
        summary.put("validationDriveDays", Integer.toString(rows.validation.size()));
        summary.put("params", params.booster() + ", rounds=" + params.rounds());
        summary.put("validationFigures", String.format(java.util.Locale.ROOT,
                "drives %d (%d failed): recall %.3f, false-alarm rate %.4f, PR-AUC %.3f; SMART rule recall %.3f, false-alarm rate %.4f",
                v.model().drives(), v.model().failed(), v.model().recall(), v.model().falseAlarmRate(), v.prAuc(), v.rule().recall(), v.rule().falseAlarmRate()));
        return summary;
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

    private static Booster fit(Rows rows, TrainingParams params) {
        try {
            DMatrix matrix = new DMatrix(rows.train.values(), rows.train.rows(), io.harbinger.predict.feature.Features.COUNT, Float.NaN);
            try {
                matrix.setLabel(rows.labels.toArray());
                matrix.setWeight(rows.weights.toArray());
                return XGBoost.train(matrix, params.booster(), params.rounds(), Map.of(), null, null);
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }
}
