package io.harbinger.ingest.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets shutdown drain the ingest path: once closed, new requests are refused (503, the client retries
 * elsewhere) while the ones already admitted finish and get their Kafka ack.
 */
final class Gate {
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean closed;

    /** @return false when closed: the caller must refuse the request */
    boolean enter() {
        active.incrementAndGet();
        if (closed) {
            active.decrementAndGet();
            return false;
        }
        return true;
    }

    void leave() {
        active.decrementAndGet();
    }

    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Waits until every admitted request has left, at most {@code timeout}. @return true if drained */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (active.get() > 0) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(10);
        }
        return true;
    }
}
