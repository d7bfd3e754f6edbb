package io.harbinger.pipeline.serde;

import io.harbinger.schema.wire.DecodeResult;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.schema.wire.PointBatchCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka adapter over {@link PointBatchCodec}. Stateless and thread-safe. */
public final class PointBatchSerde implements Serde<PointBatch> {

    @Override
    public Serializer<PointBatch> serializer() {
        return (topic, batch) -> PointBatchCodec.encode(batch);
    }

    /** Throws {@link CorruptBatchException} with the codec's detail for bytes that are not a batch. */
    @Override
    public Deserializer<PointBatch> deserializer() {
        return (topic, bytes) -> switch (PointBatchCodec.decode(bytes)) {
            case DecodeResult.Decoded d -> d.batch();
            case DecodeResult.Corrupt c -> throw new CorruptBatchException(c.detail());
        };
    }
}
