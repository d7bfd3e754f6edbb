package io.harbinger.ingest.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A non-blocking byte budget shared by all ingest requests: a request takes what its body needs
 * before reading it and gives it back once Kafka acknowledged (or refused) its points. When the
 * budget is spent, callers answer 429 instead of queueing, so load beyond capacity costs no memory.
 */
final class InFlightBudget {
    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    InFlightBudget(long capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
        this.capacity = capacity;
    }

    /** @return true if {@code bytes} were taken; false (and nothing taken) if they do not fit */
    boolean tryAcquire(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        long current;
        do {
            current = used.get();
            if (current + bytes > capacity) return false;
        } while (!used.compareAndSet(current, current + bytes));
        return true;
    }

    void release(long bytes) {
        long after = used.addAndGet(-bytes);
        if (after < 0) throw new IllegalStateException("released more than acquired: " + after);
    }

    long used() {
        return used.get();
    }

    long capacity() {
        return capacity;
    }
}
