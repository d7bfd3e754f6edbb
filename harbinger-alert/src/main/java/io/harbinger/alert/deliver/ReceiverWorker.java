package io.harbinger.alert.deliver;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.harbinger.alert.notify.Receiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains one receiver's outbox rows on a thread of its own (a hanging receiver holds up no other): claims
 * the due rows, and for each asks the circuit breaker, waits for the rate limiter, POSTs the stored body with
 * the notification's id as {@code Idempotency-Key}, and records the outcome: delivered; retried after a
 * back-off with jitter (never before the receiver's Retry-After), counted in {@code attempts}; or rejected.
 * Each outcome is counted ({@code delivered}, {@code retried}, {@code rejected}; {@code refused} by the breaker).
 * While the breaker is open, rows are deferred to when it may let a call through, without an attempt.
 */
final class ReceiverWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverWorker.class);
    private static final Duration IDLE = Duration.ofMillis(200);
    /** Rows claimed at once: few, so that rows a killed dispatcher had claimed are due again soon (their lease ends). */
    private static final int CLAIM = 4;

    private final Receiver receiver;
    private final Outbox outbox;
    private final HttpClient http;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Backoff backoff;
    private final Duration timeout;
    private final Duration breakerOpen;
    private final Clock clock;
    volatile boolean running = true;
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong refused = new AtomicLong();

    ReceiverWorker(Receiver receiver, Outbox outbox, HttpClient http, CircuitBreaker breaker, RateLimiter limiter, Backoff backoff,
                   Duration timeout, Duration breakerOpen, Clock clock) {
        this.receiver = receiver;
        this.outbox = outbox;
        this.http = http;
        this.breaker = breaker;
        this.limiter = limiter;
        this.backoff = backoff;
        this.timeout = timeout;
        this.breakerOpen = breakerOpen;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (!drainOnce()) sleep(IDLE);
            } catch (SQLException e) {
                LOG.warn("receiver {}: the outbox cannot be read ({}): {}", receiver.name(), e.getSQLState(), e.getMessage());
                sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return whether any row was due */
    private boolean drainOnce() throws SQLException, InterruptedException {
        Instant now = clock.instant();
        Duration lease = lease();
        List<Outbox.Due> due = outbox.claim(receiver.name(), now, now.plus(lease), CLAIM);
        for (int i = 0; i < due.size(); i++) {
            Outbox.Due d = due.get(i);
            if (!running) {
                release(due.subList(i, due.size()));
                break;
            }
            if (!breaker.tryAcquirePermission()) {
                refused.addAndGet(due.size() - i);
                Instant retry = clock.instant().plus(breakerOpen.dividedBy(4));
                for (Outbox.Due rest : due.subList(i, due.size())) outbox.defer(rest, retry);
                sleep(breakerOpen.dividedBy(4));
                return true;
            }
            deliver(d);
        }
        return !due.isEmpty();
    }

    /** Long enough for every claimed row's rate-limiter wait and request, so no other dispatcher takes a row still being tried. */
    private Duration lease() {
        Duration perRow = timeout.plus(limiter.getRateLimiterConfig().getLimitRefreshPeriod()).plusSeconds(1);
        return perRow.multipliedBy(CLAIM);
    }

    private void deliver(Outbox.Due d) throws SQLException, InterruptedException {
        RateLimiter.waitForPermission(limiter);
        attempts.incrementAndGet();
        long start = System.nanoTime();
        Outcome outcome = send(d);
        long took = System.nanoTime() - start;
        Instant now = clock.instant();
        switch (outcome) {
            case Outcome.Delivered ok -> {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                delivered.incrementAndGet();
                outbox.delivered(d, now);
            }
            case Outcome.Retry r -> {
                breaker.onError(took, TimeUnit.NANOSECONDS, new IOException(r.error()));
                retried.incrementAndGet();
                Duration wait = backoff.delay(d.attempts() + 1, r.retryAfter());
                LOG.info("receiver {}: notification {} attempt {} failed ({}); next in {}", receiver.name(), d.id(), d.attempts() + 1, r.error(), wait);
                outbox.retry(d, now.plus(wait), r.error());
            }
            case Outcome.Rejected r -> {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS); // the receiver answered: it is up, the request is wrong
                rejected.incrementAndGet();
                LOG.error("receiver {}: notification {} rejected, not retried: {}", receiver.name(), d.id(), r.error());
                outbox.rejected(d, now, r.error());
            }
        }
    }

    private Outcome send(Outbox.Due d) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(receiver.target())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", d.id().toString())
                .header("User-Agent", "harbinger-alerting")
                .POST(HttpRequest.BodyPublishers.ofString(d.payload()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return Outcome.ofStatus(response.statusCode(), response.headers(), response.body(), clock);
        } catch (IOException e) { // HttpTimeoutException, ConnectException, ...
            return new Outcome.Retry(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), java.util.Optional.empty());
        }
    }

    /** Rows claimed but not tried (stopping): due again at once. */
    private void release(List<Outbox.Due> rows) throws SQLException {
        Instant now = clock.instant();
        for (Outbox.Due d : rows) outbox.defer(d, now);
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
