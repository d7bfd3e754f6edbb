package io.harbinger.simulate.send;

import io.harbinger.simulate.fleet.FleetGenerator;
import io.harbinger.simulate.fleet.FleetParameters;
import io.harbinger.simulate.fleet.FleetShape;
import io.harbinger.simulate.fleet.ParametersFile;
import io.harbinger.simulate.fleet.SmartReading;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated fleet sending to a running node: {@link #start} returns at once; the fleet's days are sent
 * from a background thread, its host metrics from another, until {@link #close} (or {@code days} days).
 *
 * <p>The timeline starts {@code startDaysAgo} days before today (UTC, by the clock) and advances
 * {@code speed} simulated days per second (0 = as fast as the node acknowledges) until it reaches today;
 * from then on one simulated day per real day, each sent when its UTC day begins (the Backblaze import
 * carries day timestamps: SMART is read once a day). A day's readings go host by host through the
 * Backblaze import, and a day is sent only after every request of the day before was acknowledged, so
 * each drive's readings arrive in day order. Host metrics go every {@code hostMetricsInterval} with the
 * current time (the node's live window refuses older points). A refusal other than 429/503 stops the
 * simulation; {@link Progress#failure()} says why.
 */
public final class FleetSimulation implements AutoCloseable {
    /**
     * @param parameters          fitted fleet ({@link ParametersFile#loadDefault()} by default)
     * @param failureBoost        multiplies the fitted failure hazard; 1 = as in the data
     * @param startDaysAgo        the first simulated day is this many days before today
     * @param speed               simulated days per second while catching up; 0 = as fast as acknowledged
     * @param days                stop after this many days; 0 = run until closed
     * @param hostMetricsInterval between two rounds of host metrics; zero = send none
     * @param concurrency         requests in flight within a day
     */
    public record Options(URI node, FleetParameters parameters, FleetShape shape, long seed, double failureBoost, int startDaysAgo,
                          double speed, long days, Duration hostMetricsInterval, int concurrency, Clock clock) {
        public Options {
            if (node == null || parameters == null || shape == null || hostMetricsInterval == null || clock == null) {
                throw new IllegalArgumentException("node, parameters, shape, hostMetricsInterval and clock must be non-null");
            }
            if (!(failureBoost >= 0)) throw new IllegalArgumentException("failureBoost must be >= 0, was " + failureBoost);
            if (startDaysAgo < 0) throw new IllegalArgumentException("startDaysAgo must be >= 0, was " + startDaysAgo);
            if (!(speed >= 0)) throw new IllegalArgumentException("speed must be >= 0, was " + speed);
            if (days < 0) throw new IllegalArgumentException("days must be >= 0, was " + days);
            if (hostMetricsInterval.isNegative()) throw new IllegalArgumentException("hostMetricsInterval must be >= 0");
            if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }

        /** The defaults: shipped parameters, seed 1, boost 1, 90 days ago, 2 days/s, no end, host metrics every 10 s, 32 in flight. */
        public static Options of(URI node, FleetShape shape) {
            return new Options(node, ParametersFile.loadDefault(), shape, 1, 1, 90, 2, 0, Duration.ofSeconds(10), 32, Clock.systemUTC());
        }

        public Options withSeed(long v) {
            return new Options(node, parameters, shape, v, failureBoost, startDaysAgo, speed, days, hostMetricsInterval, concurrency, clock);
        }

        public Options withFailureBoost(double v) {
            return new Options(node, parameters, shape, seed, v, startDaysAgo, speed, days, hostMetricsInterval, concurrency, clock);
        }

        public Options withStartDaysAgo(int v) {
            return new Options(node, parameters, shape, seed, failureBoost, v, speed, days, hostMetricsInterval, concurrency, clock);
        }

        public Options withSpeed(double v) {
            return new Options(node, parameters, shape, seed, failureBoost, startDaysAgo, v, days, hostMetricsInterval, concurrency, clock);
        }

        public Options withDays(long v) {
            return new Options(node, parameters, shape, seed, failureBoost, startDaysAgo, speed, v, hostMetricsInterval, concurrency, clock);
        }

        public Options withHostMetricsInterval(Duration v) {
            return new Options(node, parameters, shape, seed, failureBoost, startDaysAgo, speed, days, v, concurrency, clock);
        }

        public Options withConcurrency(int v) {
            return new Options(node, parameters, shape, seed, failureBoost, startDaysAgo, speed, days, hostMetricsInterval, v, clock);
        }

        public Options withParameters(FleetParameters v) {
            return new Options(node, v, shape, seed, failureBoost, startDaysAgo, speed, days, hostMetricsInterval, concurrency, clock);
        }

        public Options withClock(Clock v) {
            return new Options(node, parameters, shape, seed, failureBoost, startDaysAgo, speed, days, hostMetricsInterval, concurrency, v);
        }
    }

    /** What a simulation is told as it goes; called from its sending thread. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        /** A day's readings were all acknowledged. */
        default void daySent(LocalDate day, long rowsAcked) {
        }

        /** A drive's failure reading (its last) was acknowledged. */
        default void driveFailed(SmartReading last) {
        }

        /** The simulation ended: {@code failure} null when it was closed or ran its days. */
        default void stopped(Throwable failure) {
        }
    }

    /**
     * @param currentDay the last day acknowledged (null before the first)
     * @param live       the timeline has caught up with today
     * @param failure    why the simulation stopped, null while it runs or when it ended normally
     */
    public record Progress(long daysSent, long rowsAcked, long requests, long drivesFailed, LocalDate currentDay,
                           long hostMetricLines, boolean live, boolean running, String failure) {
    }

    private final Options options;
    private final Listener listener;
    private final NodeClient client;
    private final FleetGenerator generator;
    private final AtomicLong daysSent = new AtomicLong();
    private final AtomicLong rowsAcked = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong drivesFailed = new AtomicLong();
    private final AtomicLong hostMetricLines = new AtomicLong();
    private final AtomicReference<LocalDate> currentDay = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean live;
    private volatile boolean closed;
    private Thread days;
    private Thread metrics;

    private FleetSimulation(Options options, Listener listener) {
        this.options = options;
        this.listener = listener;
        this.client = new NodeClient(options.node());
        LocalDate first = today().minusDays(options.startDaysAgo());
        this.generator = new FleetGenerator(options.parameters(), options.shape(), options.seed(), options.failureBoost(), first);
    }

    public static FleetSimulation start(Options options, Listener listener) {
        FleetSimulation s = new FleetSimulation(options, listener == null ? Listener.NONE : listener);
        s.days = Thread.ofPlatform().name("simulate-days").daemon().start(s::runDays);
        if (!options.hostMetricsInterval().isZero()) s.metrics = Thread.ofPlatform().name("simulate-host-metrics").daemon().start(s::runMetrics);
        return s;
    }

    public Progress progress() {
        return new Progress(daysSent.get(), rowsAcked.get(), requests.get(), drivesFailed.get(), currentDay.get(), hostMetricLines.get(),
                live, done.getCount() > 0, failure.get());
    }

    /** Waits until the simulation ends by itself (its days sent, or a refusal); false on timeout. */
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops sending (a request in flight is abandoned) and waits for the threads to end. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : new Thread[]{days, metrics}) if (t != null) t.interrupt();
        try {
            for (Thread t : new Thread[]{days, metrics}) if (t != null) t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(options.clock().instant(), ZoneOffset.UTC);
    }

    private void runDays() {
        Throwable failed = null;
        try {
            long started = System.nanoTime();
            while (!closed && (options.days() == 0 || daysSent.get() < options.days())) {
                LocalDate day = generator.nextDay();
                if (day.isAfter(today())) {
                    live = true;
                    waitUntil(day.atStartOfDay().toInstant(ZoneOffset.UTC));
                } else if (options.speed() > 0) {
                    long due = started + (long) (daysSent.get() / options.speed() * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                send(generator.next());
            }
        } catch (InterruptedException e) {
            if (!closed) failed = e;
        } catch (RuntimeException e) {
            failed = e;
        } finally {
            if (failed != null) failure.set(failed.getMessage() == null ? failed.toString() : failed.getMessage());
            Thread m = metrics;
            if (m != null && failed == null && !closed) m.interrupt();
            done.countDown();
            String why = failure.get();
            listener.stopped(failed != null ? failed : why != null ? new IllegalStateException(why) : null);
        }
    }

    private void waitUntil(Instant at) throws InterruptedException {
        while (!closed) {
            long ms = Duration.between(options.clock().instant(), at).toMillis();
            if (ms <= 0) return;
            Thread.sleep(Math.min(ms, 1000));
        }
        throw new InterruptedException("closed");
    }

    private void send(FleetGenerator.Day day) throws InterruptedException {
        Map<String, List<SmartReading>> byHost = new LinkedHashMap<>();
        for (SmartReading r : day.readings()) byHost.computeIfAbsent(r.region() + "/" + r.host(), k -> new ArrayList<>()).add(r);
        Semaphore slots = new Semaphore(options.concurrency());
        List<CompletableFuture<Long>> inFlight = new ArrayList<>();
        AtomicLong acked = new AtomicLong();
        for (List<SmartReading> host : byHost.values()) {
            slots.acquire();
            SmartReading first = host.getFirst();
            inFlight.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return client.importDay(day.day(), first.region(), first.host(), BackblazeCsv.of(host), key(day.day(), first));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CompletionException(e);
                } finally {
                    slots.release();
                }
            }, Thread::startVirtualThread).thenApply(n -> {
                acked.addAndGet(n);
                return n;
            }));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(); // interruptible, unlike join: close() does not wait for replies
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : e.getCause();
            if (cause instanceof InterruptedException ie) throw ie;
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(cause);
        }
        requests.addAndGet(byHost.size());
        rowsAcked.addAndGet(acked.get());
        daysSent.incrementAndGet();
        currentDay.set(day.day());
        for (SmartReading r : day.readings()) {
            if (r.failure()) {
                drivesFailed.incrementAndGet();
                listener.driveFailed(r);
            }
        }
        listener.daySent(day.day(), acked.get());
    }

    /** The same simulated request always carries the same key: a restarted simulation is not counted twice. */
    private String key(LocalDate day, SmartReading r) {
        FleetShape s = options.shape();
        return "simulate/" + options.seed() + "/" + s.hosts() + "x" + s.drivesPerHost() + "x" + s.regions() + "/" + options.failureBoost()
                + "/" + day + "/" + r.region() + "/" + r.host();
    }

    private void runMetrics() {
        HostMetrics hostMetrics = new HostMetrics(options.shape(), options.seed());
        try {
            while (!closed) {
                String lines = hostMetrics.linesAt(options.clock().instant());
                client.write(lines);
                hostMetricLines.addAndGet(options.shape().hosts() * (long) HostMetrics.LINES_PER_HOST);
                Thread.sleep(options.hostMetricsInterval().toMillis());
            }
        } catch (InterruptedException e) {
            // closed, or the days ended
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e.getMessage());
            closed = true;
            Thread d = days;
            if (d != null) d.interrupt();
        }
    }
}
