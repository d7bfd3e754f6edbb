package io.harbinger.simulate.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One load test against running nodes: the {@link FleetTraffic} offered on the {@link LoadProfile}'s
 * schedule, then drained and reconciled.
 *
 * <p>Each group of hosts sends from its own virtual thread, its requests in round order (so each drive's
 * samples arrive in time order). A request is sent when it is due, or at once when the group is late; its
 * latency is taken from when it was <em>due</em>, so a slow node cannot hide its delay by slowing the
 * sender down (no coordinated omission). 429 and 503 are retried after {@code Retry-After}, connection
 * failures and other 5xx after a second, as an agent with a buffer would, until {@code giveUp} after the
 * due time; other 4xx are refusals and not retried. Every second a {@link Tick} is taken: offered and
 * acknowledged samples, 429s, errors, ack latency percentiles, and the processor's and loaders' lag read
 * from the nodes' {@code /metrics}. A ramp stops at the first step that does not keep up (under 95%
 * acknowledged, or more than 1% of requests refused or failed, or ack p99 above {@code rampP99}).
 *
 * <p>After the last request the run waits for storage to hold every acknowledged sample, counted per host
 * through {@code GET /api/v1/store/hosts} (the drain time), then for the processor and loaders to reach
 * lag 0, and reads sample-to-prediction latency from the predictions loader's record-age histogram.
 */
public final class LoadRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    /**
     * @param ingest   where the traffic goes ({@code POST /write})
     * @param api      where storage is asked ({@code GET /api/v1/store/hosts})
     * @param metrics  every node whose {@code /metrics} the run follows (processors, loaders); may be empty
     */
    public record Options(URI ingest, URI api, List<URI> metrics, LoadProfile profile, Duration giveUp, Duration drainTimeout, Duration rampP99) {
        public Options {
            if (ingest == null || api == null || metrics == null || profile == null || giveUp == null || drainTimeout == null || rampP99 == null) {
                throw new IllegalArgumentException("every option must be non-null");
            }
            metrics = List.copyOf(metrics);
        }
    }

    /** One second of the run: what was offered and acknowledged in it, and how the nodes looked at its end. */
    /** {@code stored}: rows the samples loaders committed in the second (every client's, NaN when no node's metrics were read). */
    public record Tick(int second, String phase, double offered, long acked, double stored, long refusals429, long errors, double p50Millis,
                       double p99Millis, double maxMillis, double processorLag, double loaderLag) {
    }

    /** What a step of the profile showed (a ramp's capacity is its last step that kept up). */
    /** {@code stored}: rows stored during the step (NaN unknown); {@code lagBefore}/{@code lagAfter}: the processor's lag at its start and end. */
    public record StepResult(String phase, double rate, double offered, long acked, long requests, long refused, double p99Millis, double stored,
                             double lagBefore, double lagAfter, boolean keptUp) {
    }

    /** Storage against what was acknowledged, per host. */
    public record Reconciliation(int hosts, long ackedSmart, long ackedMetrics, long storedSmart, long storedMetrics, long predictions, long lost,
                                 List<String> shortHosts, long beyondSent) {
        public boolean complete() {
            return lost == 0;
        }
    }

    public record Result(LoadProfile profile, String hostPrefix, Instant started, double sendSeconds, double offered, long ackedSamples,
                         long requests, long ackedRequests, long refusals429, long unavailable503, long otherRefusals, long connectionErrors,
                         long timeouts, long serverErrors, long givenUp, Histogram ackLatencyMicros, Histogram answerMicros, List<StepResult> steps, Double capacity,
                         Reconciliation reconciliation, double drainSeconds, double lagDrainSeconds, long predictionsObserved,
                         double predictionP50Millis, double predictionP99Millis, List<Tick> ticks,
                         String firstRefusal) {
    }

    /** How long a request may go unanswered before it is sent again (a client's timeout, as agents have). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Options options;
    private final FleetTraffic traffic;
    private final java.util.function.Consumer<Tick> onTick;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
    /** Each attempt's wait for an answer, whatever the answer (the node's promptness, apart from the retries and lateness in the due-time latency). */
    private final org.HdrHistogram.ConcurrentHistogram answers = new org.HdrHistogram.ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final long[] ackedSmart;
    private final long[] ackedMetrics;
    private final long[] sentSmart;
    private final long[] sentMetrics;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong ackedRequests = new AtomicLong();
    private final AtomicLong refused429 = new AtomicLong();
    private final AtomicLong refused503 = new AtomicLong();
    private final AtomicLong otherRefusals = new AtomicLong();
    private final AtomicLong connectionErrors = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private volatile String firstRefusal;
    private final long[] stepAcked;
    private final long[] stepRequests;
    private final long[] stepRefused;
    private final Histogram[] stepLatency;
    private volatile long stopNanos = Long.MAX_VALUE;
    private long startNanos;
    private long startMillis;

    public LoadRun(Options options, FleetTraffic traffic, java.util.function.Consumer<Tick> onTick) {
        this.options = options;
        this.traffic = traffic;
        this.onTick = onTick;
        int hosts = traffic.shape().hosts();
        ackedSmart = new long[hosts];
        ackedMetrics = new long[hosts];
        sentSmart = new long[hosts];
        sentMetrics = new long[hosts];
        int steps = options.profile().steps().size();
        stepAcked = new long[steps];
        stepRequests = new long[steps];
        stepRefused = new long[steps];
        stepLatency = new Histogram[steps];
        for (int i = 0; i < steps; i++) stepLatency[i] = new Histogram(HIGHEST_MICROS, 3);
    }

    public Result run() throws InterruptedException {
        LoadProfile profile = options.profile();
        MetricsText before = scrape();
        MetricsText.Buckets ageBefore = predictionAge(before);
        startMillis = System.currentTimeMillis();
        startNanos = System.nanoTime();
        List<Thread> groups = new ArrayList<>();
        for (int g = 0; g < traffic.groups(); g++) {
            int group = g;
            groups.add(Thread.ofVirtual().name("load-" + g).start(() -> sendGroup(group)));
        }
        List<Tick> ticks = new ArrayList<>();
        List<StepResult> steps = new ArrayList<>();
        int evaluated = 0;
        long lastAcked = 0, last429 = 0, lastErrors = 0;
        double lastStored = storedRows(before);
        for (int second = 1; ; second++) {
            sleepUntil(startNanos + second * 1_000_000_000L);
            long elapsed = second * 1_000_000_000L;
            boolean sending = groups.stream().anyMatch(Thread::isAlive);
            long end = Math.min(stopNanos, profile.lengthNanos());
            double offered = profile.samplesBy(Math.min(elapsed, end)) - profile.samplesBy(Math.min(elapsed - 1_000_000_000L, end));
            Histogram interval = recorder.getIntervalHistogram();
            synchronized (total) {
                total.add(interval);
            }
            MetricsText m = scrape();
            long a = acked.get(), r = refused429.get(), e = errors();
            double storedNow = storedRows(m);
            Tick tick = new Tick(second, elapsed - 1 <= end ? profile.steps().get(profile.stepAt(elapsed - 1)).phase() : "drain", offered,
                    a - lastAcked, storedSince(lastStored, storedNow), r - last429, e - lastErrors, millis(interval, 50), millis(interval, 99), interval.getTotalCount() == 0 ? Double.NaN
                    : interval.getMaxValue() / 1000.0, processorLag(m), loaderLag(m));
            lastAcked = a;
            lastStored = storedNow;
            last429 = r;
            lastErrors = e;
            ticks.add(tick);
            onTick.accept(tick);
            while (evaluated < profile.steps().size() && elapsed >= profile.stepStartNanos(evaluated + 1) + 1_000_000_000L
                    && profile.stepStartNanos(evaluated + 1) <= end) {
                StepResult s = step(evaluated++, ticks);
                steps.add(s);
                if (profile.name().equals("ramp") && !s.keptUp() && stopNanos == Long.MAX_VALUE) stopNanos = elapsed;
            }
            if (!sending && elapsed >= end) break;
        }
        for (Thread t : groups) t.join();
        // a step the ramp's stop cut short says nothing about its rate
        while (evaluated < profile.steps().size() && profile.stepStartNanos(evaluated + 1) <= Math.min(stopNanos, profile.lengthNanos())) {
            steps.add(step(evaluated++, ticks));
        }
        double sendSeconds = (System.nanoTime() - startNanos) / 1e9;
        long offeredEnd = startNanos + Math.min(stopNanos, profile.lengthNanos());
        Reconciliation rec = reconcile(Instant.ofEpochMilli(startMillis).minusSeconds(60), System.nanoTime() + options.drainTimeout().toNanos());
        double drain = Math.max(0, (System.nanoTime() - offeredEnd) / 1e9);
        long idle = awaitIdle(System.nanoTime() + options.drainTimeout().toNanos());
        double lagDrain = idle < 0 ? Double.NaN : Math.max(0, (idle - offeredEnd) / 1e9);
        MetricsText.Buckets age = predictionAge(scrape()).since(ageBefore);
        Double capacity = null;
        if (profile.name().equals("ramp")) {
            for (StepResult s : steps) {
                if (!s.keptUp()) break;
                capacity = s.rate();
            }
        }
        Histogram latency;
        synchronized (total) {
            total.add(recorder.getIntervalHistogram());
            latency = total.copy();
        }
        return new Result(profile, traffic.hostPrefix(), Instant.ofEpochMilli(startMillis), sendSeconds,
                profile.samplesBy(Math.min(stopNanos, profile.lengthNanos())), acked.get(), requests.get(), ackedRequests.get(), refused429.get(),
                refused503.get(), otherRefusals.get(), connectionErrors.get(), timeouts.get(), serverErrors.get(), givenUp.get(), latency, answers.copy(), steps, capacity, rec, drain,
                lagDrain, Math.round(age.count()), age.quantile(0.5) * 1000, age.quantile(0.99) * 1000, ticks, firstRefusal);
    }

    private long errors() {
        return refused503.get() + otherRefusals.get() + connectionErrors.get() + timeouts.get() + serverErrors.get();
    }

    /**
     * Step {@code i} kept up when at least 95% of its offered samples were acknowledged, at most 1% of its
     * requests were refused, its ack p99 stayed under {@code rampP99}, and — where the nodes' metrics are
     * read — storage stored at least 90% of what it offered while the processor's lag did not grow (at most
     * double, or 500 records, what it was when the step began).
     */
    private StepResult step(int i, List<Tick> ticks) {
        LoadProfile.Step s = options.profile().steps().get(i);
        long stepEnd = Math.min(options.profile().stepStartNanos(i) + s.nanos(), stopNanos);
        double offered = options.profile().samplesBy(stepEnd) - options.profile().samplesBy(options.profile().stepStartNanos(i));
        long a, n, r;
        double p99;
        synchronized (stepLatency[i]) {
            a = stepAcked[i];
            n = stepRequests[i];
            r = stepRefused[i];
            p99 = stepLatency[i].getTotalCount() == 0 ? Double.NaN : stepLatency[i].getValueAtPercentile(99) / 1000.0;
        }
        int first = (int) (options.profile().stepStartNanos(i) / 1_000_000_000L);
        int last = (int) Math.min(ticks.size(), stepEnd / 1_000_000_000L);
        double stored = 0;
        for (int k = first; k < last; k++) stored += ticks.get(k).stored();
        double lagBefore = first == 0 || ticks.isEmpty() ? 0 : ticks.get(Math.min(first, ticks.size()) - 1).processorLag();
        double lagAfter = last == 0 ? 0 : ticks.get(last - 1).processorLag();
        boolean kept = offered > 0 && a >= 0.95 * offered && r <= 0.01 * Math.max(1, n) && !(p99 > options.rampP99().toMillis())
                && !(stored < 0.9 * offered) && !(lagAfter > Math.max(500, 2 * lagBefore));
        return new StepResult(s.phase(), s.rate(), offered, a, n, r, p99, stored, lagBefore, lagAfter, kept);
    }

    private void sendGroup(int group) {
        LoadProfile profile = options.profile();
        for (long round = 0; ; round++) {
            long due = profile.dueNanos(traffic.samplesBefore(round, group));
            if (due >= stopNanos || due == Long.MAX_VALUE) return;
            sleepUntil(startNanos + due);
            if (due >= stopNanos) return;
            long dueEpochNanos = startMillis * 1_000_000L + due;
            FleetTraffic.Request request = traffic.request(round, group, dueEpochNanos);
            int step = profile.stepAt(due);
            requests.incrementAndGet();
            boolean ok = send(request, startNanos + due, step);
            for (int h = request.firstHost(); h < request.firstHost() + request.hosts(); h++) {
                sentSmart[h] += request.smartLines();
                sentMetrics[h] += request.metricLines();
                if (ok) {
                    ackedSmart[h] += request.smartLines();
                    ackedMetrics[h] += request.metricLines();
                }
            }
            if (ok) {
                acked.addAndGet(request.samples());
                ackedRequests.incrementAndGet();
            }
            long micros = Math.max(0, (System.nanoTime() - startNanos - due) / 1000);
            synchronized (stepLatency[step]) {
                stepRequests[step]++;
                if (ok) {
                    stepAcked[step] += request.samples();
                    stepLatency[step].recordValue(Math.min(micros, HIGHEST_MICROS));
                }
            }
            if (ok) recorder.recordValue(Math.min(micros, HIGHEST_MICROS));
        }
    }

    /** True once the node acknowledged the request; false when it refused it for good, or it was given up. */
    private boolean send(FleetTraffic.Request request, long dueNanos, int step) {
        HttpRequest http = HttpRequest.newBuilder(options.ingest().resolve("/write")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build();
        long giveUpAt = dueNanos + options.giveUp().toNanos();
        boolean counted = false;
        while (true) {
            long waitMillis;
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = this.http.send(http, HttpResponse.BodyHandlers.ofString());
                answers.recordValue(Math.min((System.nanoTime() - sent) / 1000, HIGHEST_MICROS));
                int status = response.statusCode();
                if (status / 100 == 2) return true;
                if (!counted) {
                    counted = true;
                    synchronized (stepLatency[step]) {
                        stepRefused[step]++;
                    }
                }
                if (status == 429 || status == 503) {
                    (status == 429 ? refused429 : refused503).incrementAndGet();
                    waitMillis = 1000 * Math.max(1, response.headers().firstValueAsLong("Retry-After").orElse(1));
                } else if (status >= 500) {
                    serverErrors.incrementAndGet();
                    waitMillis = 1000;
                } else {
                    otherRefusals.incrementAndGet();
                    if (firstRefusal == null) firstRefusal = status + ": " + shorten(response.body());
                    return false;
                }
            } catch (java.net.http.HttpTimeoutException e) {
                // no answer within REQUEST_TIMEOUT (a connect timeout is a connection error): sent again, though the node may have stored it
                (e instanceof java.net.http.HttpConnectTimeoutException ? connectionErrors : timeouts).incrementAndGet();
                waitMillis = 1000;
            } catch (IOException e) {
                connectionErrors.incrementAndGet();
                waitMillis = 1000;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (System.nanoTime() + waitMillis * 1_000_000 > giveUpAt) {
                givenUp.incrementAndGet();
                return false;
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private Reconciliation reconcile(Instant since, long deadline) throws InterruptedException {
        Reconciliation r;
        do {
            r = compare(storedRows(since));
            if (r.complete()) return r;
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        return r;
    }

    /** Stored rows of the run's hosts: host name -> {smart, metrics, predictions}; empty while the API cannot answer. */
    private Map<String, long[]> storedRows(Instant since) throws InterruptedException {
        URI uri = options.api().resolve("/api/v1/store/hosts?prefix=" + URLEncoder.encode(traffic.hostPrefix(), StandardCharsets.UTF_8) + "&since=" + since);
        Map<String, long[]> out = new HashMap<>();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) return out;
            for (JsonNode item : JSON.readTree(response.body()).path("items")) {
                out.merge(item.path("host").asText(), new long[] {item.path("diskSamples").asLong(), item.path("hostMetrics").asLong(),
                        item.path("predictions").asLong()}, (x, y) -> new long[] {x[0] + y[0], x[1] + y[1], x[2] + y[2]});
            }
        } catch (IOException e) {
            // not answering yet: the next poll asks again
        }
        return out;
    }

    private Reconciliation compare(Map<String, long[]> stored) {
        long as = 0, am = 0, ss = 0, sm = 0, predictions = 0, lost = 0, beyond = 0;
        int hosts = 0;
        List<String> shortHosts = new ArrayList<>();
        for (int h = 0; h < ackedSmart.length; h++) {
            if (sentSmart[h] + sentMetrics[h] == 0) continue;
            hosts++;
            long[] s = stored.getOrDefault(traffic.hostName(h), new long[3]);
            as += ackedSmart[h];
            am += ackedMetrics[h];
            ss += s[0];
            sm += s[1];
            predictions += s[2];
            long missing = Math.max(0, ackedSmart[h] - s[0]) + Math.max(0, ackedMetrics[h] - s[1]);
            lost += missing;
            beyond += Math.max(0, s[0] - sentSmart[h]) + Math.max(0, s[1] - sentMetrics[h]);
            if (missing > 0 && shortHosts.size() < 10) {
                shortHosts.add(traffic.hostName(h) + " (" + s[0] + "/" + ackedSmart[h] + " smart, " + s[1] + "/" + ackedMetrics[h] + " metrics)");
            }
        }
        return new Reconciliation(hosts, as, am, ss, sm, predictions, lost, shortHosts, beyond);
    }

    /**
     * Waits until the pipeline is idle: the processor at lag 0 and the loaders' stored-row counters still
     * for a second (the loaders' own lag gauge counts transaction markers too, so it need not reach 0).
     * Returns the instant idleness began, or -1 on timeout.
     */
    private long awaitIdle(long deadline) throws InterruptedException {
        if (options.metrics().isEmpty()) return -1;
        double lastRows = -1;
        long since = -1;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            MetricsText m = scrape();
            double rows = m.sum("harbinger_store_loader_rows_total", l -> true);
            if (processorLag(m) == 0 && rows == lastRows) {
                if (now - since >= 1_000_000_000L) return since;
            } else {
                since = now;
            }
            lastRows = rows;
            Thread.sleep(250);
        }
        return -1;
    }

    private MetricsText scrape() {
        List<MetricsText> all = new ArrayList<>();
        for (URI node : options.metrics()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(node.resolve("/metrics")).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) all.add(MetricsText.parse(r.body()));
            } catch (IOException e) {
                // a node that does not answer adds nothing to this second's figures
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return MetricsText.of(all);
    }

    /** The Streams consumer's records behind the samples topic's log end, over every processor. */
    static double processorLag(MetricsText m) {
        // Kafka tags each partition's lag twice, topic "harbinger.samples" and "harbinger_samples": count the dotted one
        return m.sum("kafka_consumer_fetch_manager_records_lag", l -> l.getOrDefault("topic", "").endsWith(".samples")
                && l.getOrDefault("client_id", "").contains("StreamThread"));
    }

    /** Rows stored between two readings of the counters summed over the nodes; NaN when the sum fell (a node died or restarted and its counter went). */
    static double storedSince(double before, double now) {
        return now >= before ? now - before : Double.NaN;
    }

    /** Rows the samples loaders have committed (disk samples and host metrics); NaN when no node's metrics were read. */
    static double storedRows(MetricsText m) {
        if (!m.has("harbinger_store_loader_rows_total")) return Double.NaN;
        return m.sum("harbinger_store_loader_rows_total", l -> "samples-loader".equals(l.get("loader")));
    }

    static double loaderLag(MetricsText m) {
        return m.sum("harbinger_store_loader_lag", l -> true);
    }

    static MetricsText.Buckets predictionAge(MetricsText m) {
        return m.buckets("harbinger_store_loader_record_age_seconds", l -> "predictions-loader".equals(l.get("loader")));
    }

    private static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static void sleepUntil(long nanoTime) {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
