package io.harbinger.predict.train;

import io.harbinger.predict.eval.DriveScores;
import io.harbinger.predict.eval.Evaluation;
import io.harbinger.predict.eval.Thresholds;
import io.harbinger.predict.feature.Features;
import io.harbinger.predict.model.AlarmPolicy;
import io.harbinger.predict.model.AlertThresholds;
import io.harbinger.predict.model.Calibration;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelFile;
import io.harbinger.predict.offline.FleetScan;
import io.harbinger.predict.offline.FleetScores;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * {@code harbinger train}: one pass over the data, split by time ({@link Periods}) and by drive
 * ({@link DriveSplit}). The training drives' days of the fitting period fit the booster; the held-out
 * drives' days of the same period choose the alarm persistence, fit the two calibrations (risk of
 * failing within the horizon, and within the warning window) and choose both thresholds; the test
 * period, after every day whose outcome was used, is judged once, on all drives and on the held-out
 * drives alone. Features come from {@link FleetScan}, the stream's code; the offline judgement runs
 * the model's own chain ({@link FailureModel#assessDays}), as the stream does.
 */
public final class Training {
    private static final Logger LOG = LoggerFactory.getLogger(Training.class);
    /** Key of the drive split in {@link io.harbinger.predict.model.ModelInfo#training()}: evaluation holds out the same drives. */
    public static final String DRIVE_SPLIT = "driveSplit";
    /** Key of the drive families (model names) the model was trained on, comma-separated. */
    public static final String FAMILIES = "families";

    private Training() {
    }

    /**
     * What training produced: the model, how it was made (kept in its file), and its judgement.
     *
     * @param validation the chosen model on the validation drives and period (where its choices were made)
     * @param alarms     validation recall at the false-alarm budget of each alarm policy tried
     */
    public record Result(FailureModel model, Map<String, String> summary, Evaluation validation, Evaluation testAll,
                         Evaluation testHeldOut, Map<AlarmPolicy, Double> alarms, Periods periods, int driveDays) {
    }

    public static Result run(Path dir, Periods periods, TrainingParams params) {
        long started = System.nanoTime();
        Fleet fleet = Fleet.scan(dir, periods);
        return run(fleet, periods, params, started);
    }

    /** {@link #run(Path, Periods, TrainingParams)} on data already read: for comparing parameters on one read (the lever study). */
    public static Result run(Fleet fleet, Periods periods, TrainingParams params) {
        return run(fleet, periods, params, System.nanoTime());
    }

    private static Result run(Fleet fleet, Periods periods, TrainingParams params, long started) {
        Path dir = fleet.dir;
        long scanned = System.nanoTime();
        long fitTo = periods.fitTo().toEpochDay();
        Map<String, Long> known = new HashMap<>(); // failures known by the end of the fitting period: all training and validation may use
        fleet.failures.forEach((drive, day) -> {
            if (day <= fitTo) known.put(drive, day);
        });
        Rows rows = rows(fleet.days, params, new Labels(known, params.horizonDays(), fitTo), fitTo);
        LOG.info("training rows: {} ({} positive)", rows.train.rows(), rows.positives);
        Booster booster = fit(rows, params);
        long fitted = System.nanoTime();
        // the booster without choices yet: only its raw probabilities are used (never closed: it shares the booster)
        FailureModel raw = ModelFile.of(booster, params.horizonDays(), new AlertThresholds(1, 1, params.minHistoryDays()), Map.of());
        float[] probabilities = fleet.days.probabilities(raw);
        Choices choices = choose(fleet.days, probabilities, known, periods, params);
        Map<String, String> summary = summary(dir, periods, params, rows, choices, fleet);
        FailureModel model = ModelFile.of(booster, params.horizonDays(), params.warningDays(), choices.thresholds, choices.alarm,
                choices.risk, choices.warningRisk, summary);
        Evaluation validation = evaluate(fleet.days, model, probabilities, known, periods.first().toEpochDay(), fitTo, params.split()::heldOut);
        long testFrom = periods.testFrom().toEpochDay(), last = periods.last().toEpochDay();
        Evaluation testAll = evaluate(fleet.days, model, probabilities, fleet.failures, testFrom, last, d -> true);
        Evaluation testHeldOut = evaluate(fleet.days, model, probabilities, fleet.failures, testFrom, last, params.split()::heldOut);
        Map<String, String> report = new LinkedHashMap<>(summary); // timings vary from run to run: not in the model file
        report.put("scanSeconds", seconds(scanned - started));
        report.put("fitSeconds", seconds(fitted - scanned));
        report.put("totalSeconds", seconds(System.nanoTime() - started));
        return new Result(model, report, validation, testAll, testHeldOut, choices.alarmRecalls, periods, fleet.days.size());
    }

    private static Evaluation evaluate(FleetScores days, FailureModel model, float[] raw, Map<String, Long> failures, long from, long to, Predicate<String> drives) {
        return Evaluation.of(days.assess(model, raw, failures, from, to, drives), model.info().horizonDays(), model.info().thresholds().alert());
    }

    /** Every drive-day of the data read, each drive's first failure day, and the drive families seen. */
    public static final class Fleet {
        private final Path dir;
        private final FleetScores days;
        private final Map<String, Long> failures;
        private final TreeSet<String> families;

        private Fleet(Path dir, FleetScores days, Map<String, Long> failures, TreeSet<String> families) {
            this.dir = dir;
            this.days = days;
            this.failures = failures;
            this.families = families;
        }

        /** Reads every day of {@code periods} from {@code dir}. */
        public static Fleet scan(Path dir, Periods periods) {
            FleetScores days = new FleetScores();
            Map<String, Long> failures = new HashMap<>();
            TreeSet<String> families = new TreeSet<>();
            FleetScan.scan(dir, periods.first(), periods.last(), 0, d -> true, day -> {
                days.add(day);
                if (day.failure()) failures.putIfAbsent(day.drive(), day.epochDay());
                if (!day.family().isEmpty()) families.add(day.family());
            });
            if (days.size() == 0) throw new IllegalArgumentException("no drive-day in " + dir + " between " + periods.first() + " and " + periods.last());
            return new Fleet(dir, days, Map.copyOf(failures), families);
        }
    }

    /** The labelled training rows of the training drives in the fitting period. */
    private static final class Rows {
        final RowBuffer train = new RowBuffer();
        final FloatList labels = new FloatList();
        final FloatList weights = new FloatList();
        int positives;
    }

    private static Rows rows(FleetScores days, TrainingParams params, Labels labels, long fitTo) {
        Rows rows = new Rows();
        float[] features = new float[Features.COUNT];
        for (int i = 0; i < days.size(); i++) {
            long day = days.epochDay(i);
            String drive = days.drive(i);
            if (day > fitTo || params.split().heldOut(drive)) continue;
            int label = labels.of(drive, day);
            if (label == Labels.UNKNOWN) continue;
            days.copyFeatures(i, features, 0);
            float weight = label == Labels.POSITIVE ? 1 : params.sampling().weight(drive, day, features, 0);
            if (weight == 0) continue;
            rows.train.add(features);
            rows.labels.add(label);
            rows.weights.add(weight);
            if (label == Labels.POSITIVE) rows.positives++;
        }
        if (rows.positives == 0) throw new IllegalArgumentException("no training drive fails in the fitting period: nothing to learn from");
        return rows;
    }

    /** What validation chose. */
    private record Choices(AlarmPolicy alarm, Map<AlarmPolicy, Double> alarmRecalls, Calibration risk, Calibration warningRisk,
                           AlertThresholds thresholds, int validationDrives, int validationFailed) {
    }

    /**
     * On the held-out drives of the fitting period: the alarm policy with the highest drive-level recall
     * within the false-alarm budget (the first tried wins a tie: the simplest), the calibrations of its
     * persistence scores, and the thresholds on the calibrated risks.
     */
    private static Choices choose(FleetScores days, float[] raw, Map<String, Long> known, Periods periods, TrainingParams params) {
        long from = periods.first().toEpochDay(), fitTo = periods.fitTo().toEpochDay();
        Predicate<String> heldOut = params.split()::heldOut;
        Map<AlarmPolicy, Double> recalls = new LinkedHashMap<>();
        AlarmPolicy best = null;
        double[] bestScores = null;
        for (AlarmPolicy alarm : params.alarms()) {
            double[] scores = persistence(days, raw, alarm, heldOut);
            List<DriveScores> validation = days.driveScores(scores, null, known, from, fitTo, heldOut);
            double threshold = Thresholds.forFalseAlarmRate(validation, params.horizonDays(), params.maxFalseAlarmRate());
            double recall = Evaluation.of(validation, params.horizonDays(), threshold).model().recall();
            recalls.put(alarm, recall);
            if (best == null || recall > recalls.get(best)) {
                best = alarm;
                bestScores = scores;
            }
        }
        Calibration risk = calibrate(days, bestScores, new Labels(known, params.horizonDays(), fitTo), from, fitTo, heldOut);
        Calibration warningRisk = calibrate(days, bestScores, new Labels(known, params.warningDays(), fitTo), from, fitTo, heldOut);
        double[] risks = map(bestScores, risk), warningRisks = map(bestScores, warningRisk);
        List<DriveScores> validation = days.driveScores(risks, null, known, from, fitTo, heldOut);
        double alert = Thresholds.forFalseAlarmRate(validation, params.horizonDays(), params.maxFalseAlarmRate());
        double warning = Thresholds.forFalseAlarmRate(days.driveScores(warningRisks, null, known, from, fitTo, heldOut),
                params.warningDays(), params.warningFalseAlarmRate());
        int failed = (int) validation.stream().filter(DriveScores::hasFailed).count();
        return new Choices(best, recalls, risk, warningRisk, new AlertThresholds(Math.min(alert, 1), Math.min(warning, 1), params.minHistoryDays()),
                validation.size(), failed);
    }

    /** Each selected drive's persistence scores under {@code alarm}, per row (0 for drives not selected). */
    private static double[] persistence(FleetScores days, float[] raw, AlarmPolicy alarm, Predicate<String> drives) {
        double[] out = new double[days.size()];
        days.forEachDrive(raw, drives, d -> {
            double[] s = alarm.scores(d.days(), d.raw());
            for (int k = 0; k < d.rows().length; k++) out[d.rows()[k]] = s[k];
        });
        return out;
    }

    /** Platt scaling of the validation days' scores to their outcome under {@code labels} (days without a known outcome left out). */
    private static Calibration calibrate(FleetScores days, double[] scores, Labels labels, long from, long to, Predicate<String> drives) {
        int[] label = new int[days.size()]; // per row, its label, or UNKNOWN when it is not a validation day with a known outcome
        int n = 0;
        for (int i = 0; i < days.size(); i++) {
            long day = days.epochDay(i);
            label[i] = day < from || day > to || !drives.test(days.drive(i)) ? Labels.UNKNOWN : labels.of(days.drive(i), day);
            if (label[i] != Labels.UNKNOWN) n++;
        }
        double[] s = new double[n], w = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0, k = 0; i < days.size(); i++) {
            if (label[i] == Labels.UNKNOWN) continue;
            s[k] = scores[i];
            y[k] = label[i] == Labels.POSITIVE;
            w[k++] = 1;
        }
        return Calibration.fit(s, y, w);
    }

    private static double[] map(double[] scores, Calibration c) {
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) out[i] = c.risk(scores[i]);
        return out;
    }

    /** How the model was made, kept in its file ({@link io.harbinger.predict.model.ModelInfo#training()}). */
    private static Map<String, String> summary(Path dir, Periods periods, TrainingParams params, Rows rows, Choices c, Fleet fleet) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("data", dir.getFileName().toString());
        summary.put(FAMILIES, String.join(",", fleet.families));
        summary.put("periods", periods.toString());
        summary.put("training", "training drives' days " + periods.first() + ".." + periods.fitTo() + " whose outcome within "
                + params.horizonDays() + " days is known by " + periods.fitTo() + " (failures after it unseen)");
        summary.put(DRIVE_SPLIT, params.split().toString());
        summary.put("validation", "held-out drives, " + periods.first() + ".." + periods.fitTo() + " (" + c.validationDrives + " drives, "
                + c.validationFailed + " failed): alarm policy, calibration and thresholds; bad at false-alarm rate <= "
                + params.maxFalseAlarmRate() + ", warning at <= " + params.warningFalseAlarmRate() + " over " + params.warningDays() + " days");
        summary.put("test", periods.testFrom() + ".." + periods.last() + ", never used for a choice");
        summary.put("rows", rows.train.rows() + " (" + rows.positives + " positive; healthy: " + params.sampling() + ")");
        summary.put("params", params.booster() + ", rounds=" + params.rounds());
        StringBuilder alarms = new StringBuilder();
        c.alarmRecalls.forEach((a, r) -> alarms.append(alarms.isEmpty() ? "" : ", ").append(a.k()).append(" of ").append(a.n())
                .append(String.format(Locale.ROOT, " days: recall %.3f", r)));
        summary.put("alarmPolicies", alarms + " (validation, at the false-alarm budget); kept " + c.alarm.k() + " of " + c.alarm.n());
        summary.put("calibration", String.format(Locale.ROOT, "Platt on validation days: risk within %d days a=%.4f b=%.4f, within %d days a=%.4f b=%.4f",
                params.horizonDays(), c.risk.a(), c.risk.b(), params.warningDays(), c.warningRisk.a(), c.warningRisk.b()));
        return summary;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static Booster fit(Rows rows, TrainingParams params) {
        try {
            DMatrix matrix = new DMatrix(rows.train.values(), rows.train.rows(), Features.COUNT, Float.NaN);
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
