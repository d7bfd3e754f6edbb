package io.harbinger.store;

/** A PostgreSQL operation of the store failed; the message says which, the cause says why. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
