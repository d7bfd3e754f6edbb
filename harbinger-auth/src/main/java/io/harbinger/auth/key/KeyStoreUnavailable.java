package io.harbinger.auth.key;

/** The key store cannot answer now (the database is down or unreachable): retriable, the request gets 503. */
public final class KeyStoreUnavailable extends RuntimeException {
    public KeyStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
