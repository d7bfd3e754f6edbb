package io.harbinger.alert.deliver;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.harbinger.alert.AlertConfig;
import io.harbinger.alert.notify.Receiver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the outbox: one {@link ReceiverWorker} thread per receiver, each with its own resilience4j
 * {@link RateLimiter} ({@code --alert-rate} requests per second) and {@link CircuitBreaker} (opens when at
 * least half of the last 6 calls failed, at least 3 of them; stays open {@code --alert-breaker-open}; one
 * trial call when half-open). At least once: a row is marked delivered only after a 2xx answer.
 */
public final class Dispatcher implements MeterBinder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, ReceiverWorker> workers = new LinkedHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
    private final Map<String, List<Transition>> transitions = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final HttpClient http;

    private Dispatcher(AlertConfig config, DataSource control, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).version(HttpClient.Version.HTTP_1_1).build();
        Outbox outbox = new Outbox(control);
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax(), () -> ThreadLocalRandom.current().nextDouble());
        for (Receiver r : config.receivers()) {
            CircuitBreaker breaker = CircuitBreaker.of(r.name(), breakerConfig(config.breakerOpen()));
            List<Transition> seen = new CopyOnWriteArrayList<>();
            breaker.getEventPublisher().onStateTransition(e -> {
                seen.add(new Transition(e.getStateTransition(), e.getCreationTime().toInstant()));
                LOG.info("receiver {}: circuit breaker {}", r.name(), e.getStateTransition());
            });
            RateLimiter limiter = RateLimiter.of(r.name(), RateLimiterConfig.custom().limitForPeriod(config.rate())
                    .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofMinutes(5)).build());
            ReceiverWorker worker = new ReceiverWorker(r, outbox, http, breaker, limiter, backoff, config.timeout(), config.breakerOpen(), clock);
            workers.put(r.name(), worker);
            breakers.put(r.name(), breaker);
            transitions.put(r.name(), seen);
            threads.add(Thread.ofPlatform().name("harbinger-deliver-" + r.name()).daemon(false).unstarted(worker));
        }
    }

    static CircuitBreakerConfig breakerConfig(Duration open) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(6)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(open)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }

    /** Starts one worker per receiver of {@code config} (none: nothing to do). */
    public static Dispatcher start(AlertConfig config, DataSource control, Clock clock) {
        Dispatcher d = new Dispatcher(config, control, clock);
        d.threads.forEach(Thread::start);
        return d;
    }

    /** The receiver's circuit breaker state now. */
    public CircuitBreaker.State breakerState(String receiver) {
        return breaker(receiver).getState();
    }

    /** A state change of a receiver's circuit breaker, and when (wall clock). */
    public record Transition(CircuitBreaker.StateTransition change, java.time.Instant at) {
    }

    /** Every state change of the receiver's breaker so far, in order. */
    public List<Transition> breakerTransitions(String receiver) {
        return List.copyOf(transitions.get(receiver));
    }

    /** Calls the open breaker refused (rows deferred without an attempt). */
    public long refused(String receiver) {
        return worker(receiver).refused.get();
    }

    /** Delivery attempts made (requests sent). */
    public long attempts(String receiver) {
        return worker(receiver).attempts.get();
    }

    public long delivered(String receiver) {
        return worker(receiver).delivered.get();
    }

    /**
     * Registers per receiver (tag {@code receiver}): {@code harbinger.alert.delivered}, {@code harbinger.alert.delivery.failures}
     * (tag {@code outcome}: {@code retried} or {@code rejected}), {@code harbinger.alert.delivery.refused} (not attempted: the breaker
     * was open) and the gauge {@code harbinger.alert.breaker.open} (1 while open).
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        workers.forEach((name, w) -> {
            count("harbinger.alert.delivered", name, w.delivered, "Notifications delivered (2xx)").register(registry);
            count("harbinger.alert.delivery.failures", name, w.retried, "Delivery attempts that failed, by outcome")
                    .tag("outcome", "retried").register(registry);
            count("harbinger.alert.delivery.failures", name, w.rejected, "Delivery attempts that failed, by outcome")
                    .tag("outcome", "rejected").register(registry);
            count("harbinger.alert.delivery.refused", name, w.refused, "Notifications deferred without an attempt: the circuit breaker was open")
                    .register(registry);
            Gauge.builder("harbinger.alert.breaker.open", breakers.get(name), b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0)
                    .tag("receiver", name).description("1 while the receiver's circuit breaker is open").register(registry);
        });
    }

    private static FunctionCounter.Builder<AtomicLong> count(String metric, String receiver, AtomicLong value, String description) {
        return FunctionCounter.builder(metric, value, AtomicLong::get).tag("receiver", receiver).description(description);
    }

    private CircuitBreaker breaker(String receiver) {
        CircuitBreaker b = breakers.get(receiver);
        if (b == null) throw new IllegalArgumentException("no receiver " + receiver + "; there are " + breakers.keySet());
        return b;
    }

    private ReceiverWorker worker(String receiver) {
        breaker(receiver);
        return workers.get(receiver);
    }

    /** Finishes the request in progress per receiver (bounded by the timeout), leaves the rest in the outbox. */
    @Override
    public void close() {
        workers.values().forEach(w -> w.running = false);
        for (Thread t : threads) {
            try {
                t.join(CLOSE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) LOG.warn("{} did not end within {}", t.getName(), CLOSE_TIMEOUT);
        }
        http.close();
    }
}
