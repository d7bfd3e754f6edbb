package io.harbinger.pipeline.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Thrown by a {@link CodecSerde}'s deserializer for bytes its codec refuses: Kafka's deserialization
 * exception handlers only see Kafka's exceptions, so this is where the schema's
 * {@link io.harbinger.schema.topic.CorruptRecordException} becomes one. Carries the codec's detail as its message.
 */
public final class CorruptRecordValueException extends SerializationException {
    public CorruptRecordValueException(String detail) {
        super(detail);
    }

    /** No stack trace: the cause is the bytes, not the code path, and garbage can arrive in bulk. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
