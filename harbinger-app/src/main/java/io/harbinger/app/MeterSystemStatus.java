package io.harbinger.app;

import io.harbinger.api.port.SystemStatus;
import io.harbinger.schema.read.ReadUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The system panel's figures read from the node's meters: each call reads the counters once and turns
 * them into rates against a reading about {@link #WINDOW} old (kept from earlier calls; the first call
 * compares with the reading taken at start). Ack-latency percentiles come from the difference of the
 * ingest ack timers' cumulative histograms over the same window. Lags are gauges, read as they are.
 *
 * <p>Meters read: {@code harbinger.ingest.points|responses|rejected|ack.latency} (every endpoint),
 * the Streams consumer's {@code kafka.consumer.fetch.manager.records.lag} on the samples topic, the
 * processor's count of processed points, {@code harbinger.store.loader.lag|rows} per
 * loader, and whatever a read cache ({@code harbinger.cache.*}) or alerting engine
 * ({@code harbinger.alert.*}) registers: its counters as rates, its gauges as values.
 */
final class MeterSystemStatus implements SystemStatus {
    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration MIN_STEP = Duration.ofSeconds(1);
    private static final String CACHE = "harbinger.cache.";
    private static final String ALERTS = "harbinger.alert.";

    private final MeterRegistry registry;
    private final Clock clock;
    private final String samplesTopic;
    private final LongSupplier processedPoints;
    private final Instant started;
    private final Deque<Reading> readings = new ArrayDeque<>();

    /** The counters' totals at one instant. */
    private record Reading(Instant at, double points, double requests, double rejected, double processed, LatencyHistogram ack,
                           Map<String, Double> loaderRows, Map<String, Double> cacheCounts, Map<String, Double> alertCounts) {
    }

    /**
     * @param samplesTopic    the topic the processor reads (its consumer's lag is the processor's lag)
     * @param processedPoints points the processor has processed so far (may throw {@link ReadUnavailableException})
     */
    MeterSystemStatus(MeterRegistry registry, Clock clock, String samplesTopic, LongSupplier processedPoints) {
        this.registry = registry;
        this.clock = clock;
        this.samplesTopic = samplesTopic;
        this.processedPoints = processedPoints;
        this.started = clock.instant();
        readings.add(read(started));
    }

    @Override
    public synchronized Status now() {
        Reading now = read(clock.instant());
        while (readings.size() > 1 && !readings.stream().skip(1).findFirst().orElseThrow().at().isAfter(now.at().minus(WINDOW))) {
            readings.removeFirst(); // keep the newest reading at least WINDOW old as the base, drop older ones
        }
        Reading base = readings.getFirst();
        if (Duration.between(readings.getLast().at(), now.at()).compareTo(MIN_STEP) >= 0) readings.addLast(now);
        return status(base, now);
    }

    private Status status(Reading base, Reading now) {
        double seconds = Math.max(Duration.between(base.at(), now.at()).toMillis() / 1000.0, 0.001);
        LatencyHistogram ack = now.ack().since(base.ack());
        Ingest ingest = new Ingest((now.points() - base.points()) / seconds, (now.requests() - base.requests()) / seconds,
                new AckLatency(ack.quantile(0.5), ack.quantile(0.99)), (now.rejected() - base.rejected()) / seconds);
        Processor processor = new Processor(Math.round(processorLag()), (now.processed() - base.processed()) / seconds);
        List<Loader> loaders = new ArrayList<>();
        for (var rows : now.loaderRows().entrySet()) {
            String loader = rows.getKey();
            double lag = sum("harbinger.store.loader.lag", m -> loader.equals(m.getId().getTag("loader")));
            loaders.add(new Loader(loader, Math.round(lag), (rows.getValue() - base.loaderRows().getOrDefault(loader, 0.0)) / seconds));
        }
        return new Status(now.at(), seconds, Duration.between(started, now.at()).toSeconds(), ingest, processor, loaders,
                section(CACHE, base.cacheCounts(), now.cacheCounts(), seconds), section(ALERTS, base.alertCounts(), now.alertCounts(), seconds));
    }

    private Reading read(Instant at) {
        Map<String, Double> loaderRows = new TreeMap<>();
        for (Meter m : registry.getMeters()) {
            if (m.getId().getName().equals("harbinger.store.loader.rows")) loaderRows.merge(m.getId().getTag("loader"), count(m), Double::sum);
        }
        for (Meter m : registry.getMeters()) { // a loader that wrote nothing yet is listed too
            if (m.getId().getName().equals("harbinger.store.loader.lag")) loaderRows.putIfAbsent(m.getId().getTag("loader"), 0.0);
        }
        return new Reading(at, counted("harbinger.ingest.points"), counted("harbinger.ingest.responses"), counted("harbinger.ingest.rejected"),
                processed(), ackHistogram(), loaderRows,
                counts(CACHE), counts(ALERTS));
    }

    /**
     * Records of the samples topic behind its end over every partition the processor holds; until Kafka has
     * registered the per-partition meters (they appear once partitions are assigned and fetched), the
     * consumer's largest partition lag.
     */
    private double processorLag() {
        boolean perPartition = registry.getMeters().stream()
                .anyMatch(m -> m.getId().getName().equals("kafka.consumer.fetch.manager.records.lag") && streamsOnSamples(m));
        return perPartition ? sum("kafka.consumer.fetch.manager.records.lag", this::streamsOnSamples)
                : sum("kafka.consumer.fetch.manager.records.lag.max", m -> streamsConsumer(m.getId().getTag("client.id")));
    }

    /** Points processed so far; while the processor's state is not readable, the last count read (no progress shown). */
    private double processed() {
        try {
            return processedPoints.getAsLong();
        } catch (ReadUnavailableException e) {
            return readings.isEmpty() ? 0 : readings.getLast().processed();
        }
    }

    /** The Streams main consumer's meters on the samples topic (not the loaders' consumers, not the restore consumer). */
    private boolean streamsOnSamples(Meter m) {
        return samplesTopic.equals(m.getId().getTag("topic")) && streamsConsumer(m.getId().getTag("client.id"));
    }

    /** A Streams thread's main consumer ({@code <app>-<uuid>-StreamThread-1-consumer}). */
    private static boolean streamsConsumer(String client) {
        return client != null && client.contains("-StreamThread-") && client.endsWith("-consumer") && !client.endsWith("-restore-consumer");
    }

    private double counted(String name) {
        return sum(name, m -> true);
    }

    /** The sum over every meter of that name that {@code which} accepts: counts of counters, values of gauges; NaN as 0. */
    private double sum(String name, Predicate<Meter> which) {
        double sum = 0;
        for (Meter m : registry.getMeters()) {
            if (m.getId().getName().equals(name) && which.test(m)) sum += count(m);
        }
        return sum;
    }

    private static double count(Meter m) {
        double v = switch (m) {
            case Counter c -> c.count();
            case FunctionCounter c -> c.count();
            case Gauge g -> g.value();
            case Timer t -> t.count();
            default -> Double.NaN;
        };
        return Double.isFinite(v) ? v : 0;
    }

    private LatencyHistogram ackHistogram() {
        LatencyHistogram sum = LatencyHistogram.EMPTY;
        for (Meter m : registry.getMeters()) {
            if (m instanceof Timer t && m.getId().getName().equals("harbinger.ingest.ack.latency")) {
                HistogramSnapshot snapshot = t.takeSnapshot();
                CountAtBucket[] buckets = snapshot.histogramCounts();
                double[] bounds = new double[buckets.length];
                double[] counts = new double[buckets.length];
                for (int i = 0; i < buckets.length; i++) {
                    bounds[i] = buckets[i].bucket(TimeUnit.MILLISECONDS);
                    counts[i] = buckets[i].count();
                }
                sum = sum.plus(new LatencyHistogram(bounds, counts, snapshot.count()));
            }
        }
        return sum;
    }

    /** Totals of the counters under {@code prefix}, by the rest of their name. */
    private Map<String, Double> counts(String prefix) {
        Map<String, Double> counts = new TreeMap<>();
        for (Meter m : registry.getMeters()) {
            String name = m.getId().getName();
            if (name.startsWith(prefix) && (m instanceof Counter || m instanceof FunctionCounter)) {
                counts.merge(camel(name.substring(prefix.length())) + "PerSecond", count(m), Double::sum);
            }
        }
        return counts;
    }

    /** A part's figures (counters as rates, gauges as values), empty when the part registered no meter. */
    private Optional<Map<String, Double>> section(String prefix, Map<String, Double> before, Map<String, Double> after, double seconds) {
        Map<String, Double> figures = new TreeMap<>();
        after.forEach((key, total) -> figures.put(key, (total - before.getOrDefault(key, 0.0)) / seconds));
        for (Meter m : registry.getMeters()) {
            if (m instanceof Gauge && m.getId().getName().startsWith(prefix)) {
                figures.merge(camel(m.getId().getName().substring(prefix.length())), count(m), Double::sum);
            }
        }
        return figures.isEmpty() ? Optional.empty() : Optional.of(figures);
    }

    /** {@code hit.ratio} -> {@code hitRatio}. */
    private static String camel(String dotted) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : dotted.toCharArray()) {
            if (c == '.' || c == '_' || c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
