package io.harbinger.schema.read;

/**
 * What was asked cannot be read right now (the processor's state is starting or rebalancing, a
 * database does not answer); asking again later may succeed. The read API answers 503 with Retry-After.
 */
public final class ReadUnavailableException extends RuntimeException {
    public ReadUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
