package io.harbinger.pipeline;

import io.harbinger.pipeline.serde.CodecSerde;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.topic.Topic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Failure prediction in the stream, as one pure function (nothing is started):
 *
 * <pre>
 * accepted batches ──▶ drive-scoring (store "drive-history": DriveHistory per region/host/drive) ──▶ predictions topic
 * </pre>
 *
 * A disk sample that repeats its drive's last judged sample of the day (same error counters and health
 * values, within {@code rescoreAfter} of it: {@link DriveDayGate}) is counted and goes no further; every
 * other updates its drive's history (late and out-of-order samples go in their place by
 * day), gets its features ({@link io.harbinger.predict.feature.Features}, the code training uses) and is
 * scored by the model {@code models} supplies at that moment (hot reload: the next record uses a new
 * model; each prediction names its version): raw probability, kept in the history; persistence score
 * over the drive's recent raw probabilities (the model's alarm policy); calibrated risk and bucket
 * ({@link FailureModel}, the chain offline evaluation runs). One output record per input record with disk
 * points judged, a {@link PredictionBatch}: every scored sample, and the alerts raised (a drive in the bad
 * bucket with no flagged day in the horizon before). A drive lives on one host, so its history is in the task of the
 * host's partition: no repartitioning. Exactly-once: history and output commit in one transaction.
 */
public final class DriveScoringTopology {
    public static final String STORE = "drive-history";

    private DriveScoringTopology() {
    }

    /**
     * @param rescoreAfter a drive's sample that repeats its last judged sample of the day is judged again once
     *                     this much event time has passed ({@link DriveDayGate}); zero judges every sample
     * @param counters     where the step counts the samples it coalesced
     */
    public static void build(StreamsBuilder builder, KStream<String, byte[]> accepted, Topic<String, PredictionBatch> predictions, Supplier<FailureModel> models,
                             Duration rescoreAfter, ScoringCounters counters) {
        // cached: a drive sampled several times within a commit interval writes RocksDB and its changelog once
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        accepted.process(() -> new DriveScoringProcessor(models, rescoreAfter, counters), Named.as("drive-scoring"), STORE)
                .to(predictions.name(), Produced.with(CodecSerde.of(predictions.keys()), CodecSerde.of(predictions.values())).withName("predictions"));
    }
}
