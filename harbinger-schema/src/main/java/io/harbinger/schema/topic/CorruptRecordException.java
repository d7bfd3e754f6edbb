package io.harbinger.schema.topic;

/** Bytes that are not a value of the codec reading them; the message says what is wrong and where. */
public final class CorruptRecordException extends RuntimeException {
    public CorruptRecordException(String detail) {
        super(detail);
    }

    /** No stack trace: the cause is the bytes, not the code path, and garbage can arrive in bulk. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
