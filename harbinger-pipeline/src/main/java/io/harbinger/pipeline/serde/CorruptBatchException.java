package io.harbinger.pipeline.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Thrown by {@link PointBatchSerde}'s deserializer for a record value that is not a valid batch:
 * Kafka's deserialization exception handlers only see exceptions, so this is where the codec's
 * {@link DecodeResult.Corrupt} becomes one. Carries the codec's detail as its message.
 */
public final class CorruptBatchException extends SerializationException {
    public CorruptBatchException(String detail) {
        super(detail);
    }

    /** No stack trace: the cause is the bytes, not the code path, and garbage can arrive in bulk. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
