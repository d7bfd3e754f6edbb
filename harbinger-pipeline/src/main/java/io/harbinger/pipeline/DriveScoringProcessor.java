package io.harbinger.pipeline;

import io.harbinger.core.point.Point;
import io.harbinger.predict.explain.Facts;
import io.harbinger.predict.feature.DriveHistory;
import io.harbinger.predict.feature.DriveReading;
import io.harbinger.predict.feature.Features;
import io.harbinger.predict.health.Families;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.schema.wire.DecodeResult;
import io.harbinger.schema.wire.PointBatchCodec;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Scores the disk samples of one accepted batch (see {@link DriveScoringTopology}) that are not repeats
 * of their drive's last judged sample of the day ({@link DriveDayGate}; repeats are counted): histories are read
 * once per drive, the batch's feature rows get their raw probabilities in one model call, then, row by
 * row in the batch's order, each raw probability is recorded in its drive's history and the model's
 * alarm policy gives the row's persistence score from it (a drive's second sample in the batch sees the
 * first's raw probability), the model assesses and explains the rows, an explained prediction carries
 * the facts behind its top features ({@link Facts}), and histories are written back once. A drive whose
 * bucket is bad is flagged; the flag raises an alert when it starts an episode. Samples of drives the
 * model was not trained on (NVMe, SCSI, other ATA families) are judged by their health logs instead
 * ({@link HealthScoring}). Host-level points pass by; a sample more than {@value DriveHistory#WINDOW_DAYS} days older than its
 * drive's newest is skipped and counted, never fatal.
 */
final class DriveScoringProcessor implements Processor<String, byte[], String, PredictionBatch> {
    private static final Logger LOG = LoggerFactory.getLogger(DriveScoringProcessor.class);

    private final Supplier<FailureModel> models;
    private final Duration rescoreAfter;
    private final ScoringCounters counters;
    private DriveDayGate gate;
    private ProcessorContext<String, PredictionBatch> context;
    private KeyValueStore<String, byte[]> store;
    private long tooOld;
    private FailureModel familiesModel; // the model whose families are in `families`
    private Families families;

    DriveScoringProcessor(Supplier<FailureModel> models, Duration rescoreAfter, ScoringCounters counters) {
        this.models = models;
        this.rescoreAfter = rescoreAfter;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, PredictionBatch> context) {
        this.context = context;
        this.store = context.getStateStore(DriveScoringTopology.STORE);
        this.gate = new DriveDayGate(rescoreAfter, DriveDayGate.MAX_DRIVES); // a (re)started task remembers nothing: its first samples are judged
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (!(PointBatchCodec.decode(record.value()) instanceof DecodeResult.Decoded decoded)) return; // counted upstream
        Batch batch = new Batch();
        FailureModel model = models.get();
        if (model != familiesModel) { // a model's families are read off its training record once, not per record
            families = HealthScoring.familiesOf(model);
            familiesModel = model;
        }
        HealthScoring health = new HealthScoring(store, families, model.info().horizonDays()); // drives the model was not trained on: judged by their health logs
        long repeats = 0;
        for (Point p : decoded.batch().points()) {
            if (p.drive().isEmpty()) continue; // host-level points pass by
            String key = p.routingKey() + '/' + p.drive();
            if (gate.repeats(key, p)) {
                repeats++;
                continue;
            }
            if (health.claims(p, key)) {
                gate.judged(key, p);
                continue;
            }
            Optional<DriveReading> reading = DriveReading.of(p);
            if (reading.isPresent() && batch.add(p, key, reading.get())) gate.judged(key, p);
        }
        if (repeats > 0) counters.coalesced(repeats);
        if (batch.rows == 0 && health.isEmpty()) return;
        float[] raw = model.probabilities(batch.features, batch.rows);
        double[] persistence = new double[batch.rows];
        for (int i = 0; i < batch.rows; i++) persistence[i] = model.info().alarm().record(batch.days[i], raw[i], batch.history(i));
        List<Prediction> predictions = batch.rows == 0 ? List.of() : model.score(batch.features, batch.rows, persistence, batch.historyDays);
        List<ScoredSample> scored = new ArrayList<>(batch.rows);
        List<ScoredSample> alerts = new ArrayList<>(1);
        for (int i = 0; i < batch.rows; i++) {
            Point sample = batch.samples.get(i);
            Prediction prediction = withFacts(predictions.get(i), batch.histories.get(batch.keys.get(i)), batch.days[i]);
            ScoredSample s = new ScoredSample(sample.region(), sample.host(), sample.drive(), sample.timestampNanos(), prediction);
            scored.add(s);
            if (prediction.bucket() == Bucket.BAD && batch.history(i).flag(batch.days[i], model.info().horizonDays())) {
                alerts.add(s);
            }
        }
        batch.histories.forEach((key, history) -> store.put(key, history.encode()));
        health.finish(scored, alerts);
        context.forward(record.withValue(new PredictionBatch(scored, alerts)));
    }

    /** {@code p} with the observed facts behind its top features ({@link Facts}); one without them (good, unknown) as it is. */
    private static Prediction withFacts(Prediction p, DriveHistory history, long day) {
        if (p.topFeatures().isEmpty()) return p;
        return p.withFacts(Facts.of(history, day, p.topFeatures().stream().map(Contribution::feature).toList()));
    }

    /** The disk samples of one record, their drives' histories and feature rows. */
    private final class Batch {
        final Map<String, DriveHistory> histories = new HashMap<>();
        final List<Point> samples = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        float[] features = new float[16 * Features.COUNT];
        long[] historyDays = new long[16];
        long[] days = new long[16];
        int rows;

        /** Adds the row of {@code r}; false when the history refuses it (too old). */
        boolean add(Point p, String key, DriveReading r) {
            DriveHistory h = histories.computeIfAbsent(key, k -> {
                byte[] stored = store.get(k);
                return stored == null ? new DriveHistory() : DriveHistory.decode(stored);
            });
            if (h.add(r) == DriveHistory.Added.TOO_OLD) {
                if (++tooOld <= 10 || tooOld % 1000 == 0) LOG.warn("skipped sample #{} of drive {} at {}: more than {} days older than its newest", tooOld, key, r.timestampNanos(), DriveHistory.WINDOW_DAYS);
                return false;
            }
            if (rows == historyDays.length) grow();
            Features.compute(h, r.epochDay(), features, rows * Features.COUNT);
            historyDays[rows] = h.historyDays(r.epochDay());
            days[rows] = r.epochDay();
            samples.add(p);
            keys.add(key);
            rows++;
            return true;
        }

        DriveHistory history(int row) {
            return histories.get(keys.get(row));
        }

        private void grow() {
            int n = rows * 2;
            features = java.util.Arrays.copyOf(features, n * Features.COUNT);
            historyDays = java.util.Arrays.copyOf(historyDays, n);
            days = java.util.Arrays.copyOf(days, n);
        }
    }
}
