package io.harbinger.ingest.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long a new virtual thread waits before it runs: the queue an HTTP request sits in before the
 * server reads it. The server runs every connection's work on virtual threads, so on a node short of
 * CPU a request's bytes wait in its socket until a carrier thread is free, and no timestamp the
 * server takes once it reads them can see that wait. A platform thread starts a probe every
 * {@code period} and measures until it runs; {@link #millis} is the last probe's wait, or the
 * current probe's age while it still waits.
 */
final class ThreadWait implements AutoCloseable {
    private final long periodNanos;
    private final AtomicLong lastNanos = new AtomicLong();
    private final AtomicLong pendingSince = new AtomicLong(-1);
    private final Thread prober;
    private volatile boolean closed;

    ThreadWait(long periodMillis) {
        if (periodMillis <= 0) throw new IllegalArgumentException("periodMillis must be > 0, got " + periodMillis);
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        this.prober = Thread.ofPlatform().daemon().name("harbinger-thread-wait").unstarted(this::probe);
    }

    ThreadWait start() {
        prober.start();
        return this;
    }

    /** The wait of the last probe that ran, or the age of the one still waiting, whichever is longer. */
    long millis() {
        long since = pendingSince.get();
        long pending = since < 0 ? 0 : System.nanoTime() - since;
        return TimeUnit.NANOSECONDS.toMillis(Math.max(lastNanos.get(), pending));
    }

    private void probe() {
        while (!closed) {
            if (pendingSince.get() < 0) {
                long started = System.nanoTime();
                pendingSince.set(started);
                Thread.ofVirtual().start(() -> {
                    lastNanos.set(System.nanoTime() - started);
                    pendingSince.set(-1);
                });
            }
            try {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(periodNanos));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        prober.interrupt();
    }
}
