package io.harbinger.pipeline.serde;

import io.harbinger.schema.topic.Codec;
import io.harbinger.schema.topic.CorruptRecordException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka adapter over a schema {@link Codec}. Stateless and thread-safe. As Kafka's own serdes, it maps
 * {@code null} to {@code null} both ways (a record without key, a tombstone): the codec sees only real values.
 */
public final class CodecSerde<T> implements Serde<T> {
    private final Codec<T> codec;

    private CodecSerde(Codec<T> codec) {
        this.codec = codec;
    }

    public static <T> CodecSerde<T> of(Codec<T> codec) {
        return new CodecSerde<>(codec);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : codec.encode(value);
    }

    /** Throws {@link CorruptRecordValueException} with the codec's detail for bytes that are not a value. */
    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) return null;
            try {
                return codec.decode(bytes);
            } catch (CorruptRecordException e) {
                throw new CorruptRecordValueException(e.getMessage());
            }
        };
    }
}
