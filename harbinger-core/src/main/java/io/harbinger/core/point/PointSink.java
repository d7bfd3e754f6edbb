package io.harbinger.core.point;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where accepted points go (the port the ingest side writes to; the Kafka producer implements it).
 * The returned stage completes normally only once every point is durably stored; it completes
 * exceptionally if any point could not be, in which case the caller must not acknowledge.
 */
@FunctionalInterface
public interface PointSink {
    CompletionStage<Void> write(List<Point> points, WriteOptions options);

    /** The sink is full for the moment: nothing of this write is stored; retrying later is right. */
    final class Overloaded extends RuntimeException {
        public Overloaded(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param idempotencyKey a client-chosen key for the request (header {@code Idempotency-Key}),
     *                       or empty: retries with the same key are written at most once downstream
     */
    record WriteOptions(String idempotencyKey) {
        public static final WriteOptions NONE = new WriteOptions("");

        public WriteOptions {
            if (idempotencyKey == null) throw new IllegalArgumentException("idempotencyKey must be non-null (empty for none)");
        }
    }
}
