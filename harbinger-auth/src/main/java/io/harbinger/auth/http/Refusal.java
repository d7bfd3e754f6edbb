package io.harbinger.auth.http;

/**
 * A request the access filter or the key routes turn away, thrown so that no later handler runs and mapped
 * to its status with a JSON {@code {"error", "reason"}} body ({@link AccessFilter#install}). No stack trace:
 * it is an answer, not a fault.
 */
final class Refusal extends RuntimeException {
    private final int status;
    private final String reason;

    private Refusal(int status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    /** 401: {@code reason} is missing, malformed, unknown or revoked. */
    static Refusal unauthenticated(String reason, String message) {
        return new Refusal(401, reason, message);
    }

    /** 403: the key is valid but may not do this. */
    static Refusal forbidden(String message) {
        return new Refusal(403, "forbidden", message);
    }

    /** 400: a body field that cannot be used. */
    static Refusal badRequest(String message) {
        return new Refusal(400, "bad-request", message);
    }

    /** 404. */
    static Refusal notFound(String message) {
        return new Refusal(404, "not-found", message);
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
