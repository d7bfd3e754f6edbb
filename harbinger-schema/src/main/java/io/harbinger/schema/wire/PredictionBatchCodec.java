package io.harbinger.schema.wire;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.schema.topic.Codec;
import io.harbinger.schema.topic.CorruptRecordException;

import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link PredictionBatch}, with the primitives and string table of
 * {@link PointBatchCodec} (region, host, model version and feature names cost a byte after their first use).
 *
 * <pre>
 * byte    format 'P' (0x50: never the first byte of a samples record, whose version is 1)
 * byte    version (3; 1 and 2 still decode)
 * varint  scored count, varint alert count
 * sample* (scored, then alerts): string region, string host, string drive, int64 timestamp (epoch ns),
 *         string model version, float64 probability, byte bucket (0 good, 1 warning, 2 bad, 3 unknown),
 *         varint contribution count, (string feature, float64 contribution, float64 feature value)*,
 *         byte assessor (0 model, 1 nvme-health-log, 2 scsi-health-log, 3 smart-counters),
 *         varint fact count, string fact*
 * </pre>
 *
 * Version 2 (before predictions said who assessed them) ends a sample after its contributions: its
 * records decode as the model's, without facts (every prediction then was the model's).
 *
 * Version 1 (before contributions carried the feature's value) had {@code (string feature, float64
 * contribution)*}: records of it still on the topic after an upgrade decode with every value NaN (unknown).
 *
 * Decoding checks what a {@link Prediction} requires (a model version, a probability in 0..1, a known
 * bucket, named features) and answers {@link CorruptRecordException} naming what is wrong and where.
 */
public final class PredictionBatchCodec implements Codec<PredictionBatch> {
    public static final int FORMAT = 'P';
    public static final int VERSION = 3;
    /** The version before predictions said who assessed them (no assessor, no facts). */
    static final int VERSION_WITHOUT_ASSESSOR = 2;
    /** The version before contributions carried the feature's value. */
    static final int VERSION_WITHOUT_VALUES = 1;
    public static final PredictionBatchCodec CODEC = new PredictionBatchCodec();
    /** Smallest encoded sample: five one-byte strings, timestamp, probability, bucket, count. */
    private static final int MIN_SAMPLE_BYTES = 5 + 8 + 8 + 1 + 1;
    private static final Bucket[] BUCKETS = Bucket.values();
    private static final Assessor[] ASSESSORS = Assessor.values();

    private PredictionBatchCodec() {
    }

    @Override
    public byte[] encode(PredictionBatch batch) {
        BatchWriter w = new BatchWriter(64 + 96 * (batch.scored().size() + batch.alerts().size()), 16);
        w.writeByte(FORMAT);
        w.writeByte(VERSION);
        w.writeVarint(batch.scored().size());
        w.writeVarint(batch.alerts().size());
        for (ScoredSample s : batch.scored()) write(w, s);
        for (ScoredSample s : batch.alerts()) write(w, s);
        return w.toByteArray();
    }

    private static void write(BatchWriter w, ScoredSample s) {
        w.writeString(s.region());
        w.writeString(s.host());
        w.writeString(s.drive());
        w.writeLong(s.timestampNanos());
        Prediction p = s.prediction();
        w.writeString(p.modelVersion());
        w.writeDouble(p.probability());
        w.writeByte(p.bucket().ordinal());
        w.writeVarint(p.topFeatures().size());
        for (Contribution c : p.topFeatures()) {
            w.writeString(c.feature());
            w.writeDouble(c.contribution());
            w.writeDouble(c.value());
        }
        w.writeByte(p.assessor().ordinal());
        w.writeVarint(p.facts().size());
        for (String fact : p.facts()) w.writeString(fact);
    }

    @Override
    public PredictionBatch decode(byte[] bytes) {
        if (bytes == null) throw new CorruptRecordException("no record value (null)");
        BatchReader r = new BatchReader(bytes);
        int format = r.readByte("format");
        if (!r.failed() && format != FORMAT) {
            throw new CorruptRecordException("byte 0 is " + format + ", not " + FORMAT + " ('P'): not a prediction batch");
        }
        int version = r.readByte("version");
        if (!r.failed() && (version < VERSION_WITHOUT_VALUES || version > VERSION)) {
            throw new CorruptRecordException("unknown prediction wire version " + version + " at byte 1 (this reader knows "
                    + VERSION_WITHOUT_VALUES + " to " + VERSION + ")");
        }
        int scoredCount = r.readCount("scored count", MIN_SAMPLE_BYTES);
        int alertCount = r.readCount("alert count", MIN_SAMPLE_BYTES);
        if (!r.failed() && scoredCount == 0) r.fail("scored count is 0: a batch holds at least one scored sample");
        List<ScoredSample> scored = readSamples(r, scoredCount, "scored sample", version);
        List<ScoredSample> alerts = readSamples(r, alertCount, "alert", version);
        if (r.remaining() > 0) throw new CorruptRecordException(r.remaining() + " trailing bytes at byte " + r.position());
        return new PredictionBatch(scored, alerts);
    }

    private static List<ScoredSample> readSamples(BatchReader r, int count, String what, int version) {
        if (r.failed()) throw new CorruptRecordException(r.error());
        List<ScoredSample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = r.position();
            ScoredSample s = readSample(r, version);
            if (r.failed() || s == null) throw new CorruptRecordException(what + " " + i + " of " + count + " at byte " + at + ": " + r.error());
            out.add(s);
        }
        return out;
    }

    /** The sample at the reader's position, or null with the reader failed. */
    private static ScoredSample readSample(BatchReader r, int wireVersion) {
        boolean values = wireVersion >= VERSION_WITHOUT_ASSESSOR;
        String region = r.readString("region");
        String host = r.readString("host");
        String drive = r.readString("drive");
        long ts = r.readLong("timestamp");
        String version = r.readString("model version");
        double probability = r.readDouble("probability");
        int bucket = r.readByte("bucket");
        int n = r.readCount("contribution count", 9);
        List<Contribution> features = new ArrayList<>(n);
        for (int i = 0; i < n && !r.failed(); i++) {
            String feature = r.readString("feature");
            double contribution = r.readDouble("contribution");
            double value = values ? r.readDouble("feature value") : Double.NaN;
            if (r.failed()) break;
            if (feature.isEmpty()) r.fail("contribution " + i + " names no feature");
            else features.add(new Contribution(feature, contribution, value));
        }
        int assessor = wireVersion >= VERSION ? r.readByte("assessor") : Assessor.MODEL.ordinal();
        List<String> facts = wireVersion >= VERSION ? readFacts(r) : List.of();
        if (r.failed()) return null;
        if (drive.isEmpty()) r.fail("no drive");
        else if (version.isEmpty()) r.fail("no model version");
        else if (!(probability >= 0 && probability <= 1)) r.fail("probability " + probability + " is outside 0..1");
        else if (bucket >= BUCKETS.length) r.fail("bucket " + bucket + " is not 0..3 (good, warning, bad, unknown)");
        else if (assessor >= ASSESSORS.length) r.fail("assessor " + assessor + " is not 0..3 (model, nvme-health-log, scsi-health-log, smart-counters)");
        if (r.failed()) return null;
        return new ScoredSample(region, host, drive, ts,
                new Prediction(version, probability, BUCKETS[bucket], features, ASSESSORS[assessor], facts));
    }

    /** The facts at the reader's position (an empty one fails the reader). */
    private static List<String> readFacts(BatchReader r) {
        int n = r.readCount("fact count", 1);
        List<String> facts = new ArrayList<>(Math.max(0, n));
        for (int i = 0; i < n && !r.failed(); i++) {
            String fact = r.readString("fact");
            if (!r.failed() && fact.isEmpty()) r.fail("fact " + i + " is empty");
            facts.add(fact);
        }
        return facts;
    }
}
