package io.harbinger.bench;

import io.harbinger.core.point.Point;
import io.harbinger.predict.feature.DriveHistory;
import io.harbinger.predict.feature.DriveReading;
import io.harbinger.predict.feature.Features;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelHolder;
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

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scoring with the shipped model on real features: the histories of the first 30 days of
 * backblaze-st4000dm000-2018-h1 are built in setup, then each invocation scores a batch of
 * {@code batch} drives' features of the 31st day (secondary metric {@code predictions}: per second on
 * one thread). {@code score} is what the stream does (probability, bucket and the top-3 tree SHAP
 * contributions); {@code probabilities} is the probability alone (offline evaluation);
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
        Path dir = Path.of(System.getProperty("harbinger.test.data", "/work/shared/data")).resolve("backblaze-st4000dm000-2018-h1");
        Map<String, DriveHistory> histories = new HashMap<>();
        Map<String, DriveReading> last = new HashMap<>();
        for (DayFile day : BackblazeDays.list(dir, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 31))) {
            for (Point p : BackblazeDays.points(day)) {
                DriveReading r = DriveReading.of(p).orElseThrow();
                histories.computeIfAbsent(p.drive(), d -> new DriveHistory()).add(r);
                last.put(p.drive(), r);
            }
        }
        List<String> serials = new ArrayList<>(histories.keySet());
        serials.sort(null);
        drives = serials.size();
        rows = new float[drives * Features.COUNT];
        historyDays = new long[drives];
        encodedHistories = new byte[drives][];
        lastReadings = new DriveReading[drives];
        for (int i = 0; i < drives; i++) {
            DriveHistory h = histories.get(serials.get(i));
            long day = h.newestDay();
            Features.compute(h, day, rows, i * Features.COUNT);
            historyDays[i] = h.historyDays(day);
            encodedHistories[i] = h.encode();
            lastReadings[i] = last.get(serials.get(i));
        }
    }

    @TearDown
    public void tearDown() {
        model.close();
    }

    private int take() {
        if (next + batch > drives) next = 0;
        int from = next;
        next += batch;
        return from;
    }

    @Benchmark
    public List<Prediction> score(Counted counted) {
        int from = take();
        counted.predictions += batch;
        return model.score(Arrays.copyOfRange(rows, from * Features.COUNT, (from + batch) * Features.COUNT), batch,
                Arrays.copyOfRange(historyDays, from, from + batch));
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
