package io.harbinger.pipeline;

/**
 * Why a {@link KafkaPointSink#write} did not complete. {@link #retriable()} tells whether the same
 * write may succeed later (broker unreachable, buffer full, timeout) or will fail again until an
 * operator acts (authorization, oversized record, closed sink). Either way nothing was acknowledged
 * to the client, who may retry.
 */
public final class KafkaSinkException extends RuntimeException {
    private final boolean retriable;

    KafkaSinkException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
