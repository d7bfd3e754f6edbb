package io.harbinger.bench;

import io.harbinger.core.point.Point;
import io.harbinger.predict.feature.DriveHistory;
import io.harbinger.predict.feature.DriveReading;
import io.harbinger.predict.feature.Features;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.predict.model.AlarmPolicy;
import io.harbinger.predict.model.AlertThresholds;
import io.harbinger.predict.model.Calibration;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelFile;
import io.harbinger.predict.model.ModelHolder;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.predict.offline.BackblazeDays;
import io.harbinger.predict.offline.DayFile;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scoring with the shipped model on real features: the histories of the first 30 days of
 * backblaze-st4000dm000-2018-h1 are built in setup (with the raw probabilities of their last
 * {@value DriveHistory#SCORE_DAYS} days, as the stream keeps them), then each invocation scores a batch of
 * {@code batch} drives' features of the 31st day (secondary metric {@code predictions}: per second on
 * one thread). {@code score} is what the stream does (raw probabilities in one native call, each recorded
 * in its drive's history for the alarm policy's persistence score, calibrated risk, bucket and the top-3
 * tree SHAP contributions); {@code scoreTwoOfThreeCalibrated} the same with the shipped trees under a
 * 2-of-3-days alarm and Platt calibrations (thresholds mapped through them; fewer rows reach warning or
 * bad, so fewer are explained); {@code probabilities} is the raw probability alone (offline evaluation);
 * {@code features} the feature computation of one sample of each drive (history decode, add, compute,
 * encode: the state-store round trip of the stream).
 *
 * <pre>{@code
 * harbinger-bench/scripts/jmh.sh Scoring
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringBench {
    /** Drives per model call: 1 (a record with one disk sample) to 1,024 (a full batch record). */
    @Param({"1", "64", "1024"})
    public int batch;

    private FailureModel model;
    private FailureModel twoOfThree;
    private DriveHistory[] histories;
    private long[] days;
    private float[] rows;
    private long[] historyDays;
    private int drives;
    private int next;
    private byte[][] encodedHistories;
    private DriveReading[] lastReadings;

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counted {
        public long predictions;

        @Setup(Level.Iteration)
        public void reset() {
            predictions = 0;
        }
    }

    @Setup
    public void setUp() throws Exception {
        model = ModelHolder.bundled().get();
        twoOfThree = twoOfThreeCalibrated(model);
        Path dir = Path.of(System.getProperty("harbinger.test.data", "/work/shared/data")).resolve("backblaze-st4000dm000-2018-h1");
        Map<String, DriveHistory> byDrive = new HashMap<>();
        Map<String, DriveReading> last = new HashMap<>();
        LocalDate from = LocalDate.of(2018, 1, 1), to = LocalDate.of(2018, 1, 31);
        for (DayFile day : BackblazeDays.list(dir, from, to)) {
            List<Point> points = BackblazeDays.points(day);
            for (Point p : points) {
                DriveReading r = DriveReading.of(p).orElseThrow();
                byDrive.computeIfAbsent(p.drive(), d -> new DriveHistory()).add(r);
                last.put(p.drive(), r);
            }
            long epochDay = DriveReading.of(points.getFirst()).orElseThrow().epochDay();
            if (epochDay > to.toEpochDay() - DriveHistory.SCORE_DAYS && epochDay < to.toEpochDay()) recordRawScores(points, byDrive, epochDay);
        }
        List<String> serials = new ArrayList<>(byDrive.keySet());
        serials.sort(null);
        drives = serials.size();
        rows = new float[drives * Features.COUNT];
        historyDays = new long[drives];
        days = new long[drives];
        histories = new DriveHistory[drives];
        encodedHistories = new byte[drives][];
        lastReadings = new DriveReading[drives];
        for (int i = 0; i < drives; i++) {
            DriveHistory h = byDrive.get(serials.get(i));
            long day = h.newestDay();
            Features.compute(h, day, rows, i * Features.COUNT);
            historyDays[i] = h.historyDays(day);
            days[i] = day;
            histories[i] = h;
            encodedHistories[i] = h.encode();
            lastReadings[i] = last.get(serials.get(i));
        }
    }

    /** What the stream keeps of a day before the scored one: each drive's raw probability, in its history. */
    private void recordRawScores(List<Point> points, Map<String, DriveHistory> byDrive, long epochDay) {
        float[] features = new float[points.size() * Features.COUNT];
        for (int i = 0; i < points.size(); i++) Features.compute(byDrive.get(points.get(i).drive()), epochDay, features, i * Features.COUNT);
        float[] raw = model.probabilities(features, points.size());
        for (int i = 0; i < points.size(); i++) byDrive.get(points.get(i).drive()).recordScore(epochDay, raw[i]);
    }

    /** The shipped trees under a 2-of-3-days alarm and Platt calibrations, its thresholds mapped through them. */
    private static FailureModel twoOfThreeCalibrated(FailureModel shipped) throws Exception {
        JsonNode file;
        try (InputStream in = ScoringBench.class.getResourceAsStream(ModelHolder.DEFAULT_RESOURCE)) {
            file = new ObjectMapper().readTree(in);
        }
        Booster booster = XGBoost.loadModel(Base64.getDecoder().decode(file.path("booster").asText()));
        booster.setParam("nthread", 1);
        Calibration risk = new Calibration(1.3, -0.4), warningRisk = new Calibration(0.9, 0.6);
        AlertThresholds t = shipped.info().thresholds();
        AlertThresholds mapped = new AlertThresholds(risk.risk(t.alert()), warningRisk.risk(t.warning()), t.minHistoryDays());
        return ModelFile.of(booster, shipped.info().horizonDays(), shipped.info().warningDays(), mapped, new AlarmPolicy(2, 3), risk, warningRisk, Map.of());
    }

    @TearDown
    public void tearDown() {
        model.close();
        twoOfThree.close();
    }

    private int take() {
        if (next + batch > drives) next = 0;
        int from = next;
        next += batch;
        return from;
    }

    @Benchmark
    public List<Prediction> score(Counted counted) {
        return streamScore(model, counted);
    }

    @Benchmark
    public List<Prediction> scoreTwoOfThreeCalibrated(Counted counted) {
        return streamScore(twoOfThree, counted);
    }

    /** The stream's chain (DriveScoringProcessor): raw probabilities, each recorded for its persistence score, then assessment and explanations. */
    private List<Prediction> streamScore(FailureModel m, Counted counted) {
        int from = take();
        counted.predictions += batch;
        float[] features = Arrays.copyOfRange(rows, from * Features.COUNT, (from + batch) * Features.COUNT);
        float[] raw = m.probabilities(features, batch);
        double[] persistence = new double[batch];
        for (int i = 0; i < batch; i++) persistence[i] = m.info().alarm().record(days[from + i], raw[i], histories[from + i]);
        return m.score(features, batch, persistence, Arrays.copyOfRange(historyDays, from, from + batch));
    }

    @Benchmark
    public float[] probabilities(Counted counted) {
        int from = take();
        counted.predictions += batch;
        return model.probabilities(Arrays.copyOfRange(rows, from * Features.COUNT, (from + batch) * Features.COUNT), batch);
    }

    @Benchmark
    public byte[] features(Counted counted) {
        int from = take();
        float[] out = new float[Features.COUNT];
        byte[] last = null;
        for (int i = from; i < from + batch; i++) {
            DriveHistory h = DriveHistory.decode(encodedHistories[i]);
            h.add(lastReadings[i]);
            Features.compute(h, lastReadings[i].epochDay(), out, 0);
            last = h.encode();
        }
        counted.predictions += batch;
        return last;
    }
}
