package io.harbinger.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Sorts producer failures at the I/O edge into retriable and fatal, and counts them as
 * {@code harbinger.kafka.producer.errors{kind, exception}}.
 */
final class SendErrors {
    static final String METRIC = "harbinger.kafka.producer.errors";

    private final MeterRegistry registry;

    SendErrors(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Kafka marks transient conditions (timeouts, a full buffer, leader moves, too few replicas) as retriable. */
    static boolean retriable(Throwable e) {
        return e instanceof RetriableException;
    }

    KafkaSinkException record(String topic, int records, int points, Throwable e) {
        boolean retriable = retriable(e);
        String kind = retriable ? "retriable" : "fatal";
        Counter.builder(METRIC)
                .description("Failed writes to Kafka, by whether a retry can succeed")
                .tag("kind", kind)
                .tag("exception", e.getClass().getSimpleName())
                .register(registry)
                .increment();
        String message = "writing " + points + " points" + (records > 0 ? " (" + records + " records)" : "") + " to " + topic + " failed (" + kind + "): "
                + e.getClass().getSimpleName() + ": " + e.getMessage();
        return new KafkaSinkException(message, retriable, e);
    }
}
