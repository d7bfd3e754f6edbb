package io.harbinger.app;

import io.harbinger.api.port.SystemStatus;
import io.harbinger.schema.read.ReadUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The system figures from real Micrometer meters (a Prometheus registry, as a node has) and a clock the test moves. */
class MeterSystemStatusTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T12:00:00Z"));
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong samplesLoaderLag = new AtomicLong();

    private Counter ingestPoints(String endpoint) {
        return Counter.builder("harbinger.ingest.points").tag("endpoint", endpoint).register(registry);
    }

    private Timer ack(String endpoint) {
        return Timer.builder("harbinger.ingest.ack.latency").tag("endpoint", endpoint).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
    }

    private MeterSystemStatus status() {
        Gauge.builder("harbinger.store.loader.lag", samplesLoaderLag, AtomicLong::get).tag("loader", "samples-loader").register(registry);
        return new MeterSystemStatus(registry, clock, "harbinger.samples", processed::get);
    }

    @Test
    void rates_areCounterDeltasOverTheWindow_acrossEndpoints() {
        MeterSystemStatus status = status();
        ingestPoints("influx").increment(500); // before the first reading after start: counted in the first window
        clock.advance(Duration.ofSeconds(5));
        ingestPoints("smartctl").increment(500);
        processed.set(400);
        SystemStatus.Status first = status.now();
        assertThat(first.windowSeconds()).isEqualTo(5.0);
        assertThat(first.ingest().pointsPerSecond()).isEqualTo(200.0);
        assertThat(first.processor().pointsPerSecond()).isEqualTo(80.0);
        assertThat(first.uptimeSeconds()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(10));
        ingestPoints("influx").increment(100);
        SystemStatus.Status second = status.now();
        assertThat(second.windowSeconds()).as("rates against the reading about 10 s old").isEqualTo(10.0);
        assertThat(second.ingest().pointsPerSecond()).isEqualTo(10.0);
        assertThat(second.processor().pointsPerSecond()).isZero();
    }

    @Test
    void idleNode_showsZeroRates_notTheAverageSinceStart() {
        MeterSystemStatus status = status();
        ingestPoints("influx").increment(1000);
        clock.advance(Duration.ofSeconds(2));
        assertThat(status.now().ingest().pointsPerSecond()).isEqualTo(500.0);
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofSeconds(2));
            status.now();
        }
        assertThat(status.now().ingest().pointsPerSecond()).isZero();
    }

    @Test
    void ackPercentiles_areOfTheWindow_andEmptyWhenNothingWasAcked() {
        MeterSystemStatus status = status();
        Timer influx = ack("influx");
        Timer otlp = ack("otlp");
        assertThat(status.now().ingest().ackLatencyMs().p50()).isEmpty();
        for (int i = 0; i < 99; i++) influx.record(3, TimeUnit.MILLISECONDS);
        otlp.record(900, TimeUnit.MILLISECONDS);
        clock.advance(Duration.ofSeconds(2));
        SystemStatus.AckLatency latency = status.now().ingest().ackLatencyMs();
        assertThat(latency.p50().getAsDouble()).isBetween(1.0, 5.0);
        assertThat(latency.p99().getAsDouble()).isBetween(1.0, 5.0);
        otlp.record(900, TimeUnit.MILLISECONDS);
        otlp.record(900, TimeUnit.MILLISECONDS);
        clock.advance(Duration.ofSeconds(12));
        SystemStatus.AckLatency later = status.now().ingest().ackLatencyMs();
        assertThat(later.p50().getAsDouble()).as("only the two slow acks of this window").isGreaterThan(500.0);
    }

    @Test
    void loaders_listEveryLoaderWithItsLagAndRows_andAbsentPartsAreEmpty() {
        MeterSystemStatus status = status();
        Counter.builder("harbinger.store.loader.rows").tag("loader", "samples-loader").tag("table", "disk_samples").register(registry).increment(30);
        Counter.builder("harbinger.store.loader.rows").tag("loader", "samples-loader").tag("table", "host_metrics").register(registry).increment(10);
        samplesLoaderLag.set(42);
        clock.advance(Duration.ofSeconds(4));
        SystemStatus.Status s = status.now();
        assertThat(s.loaders()).containsExactly(new SystemStatus.Loader("samples-loader", 42, 10.0));
        assertThat(s.cache()).isEmpty();
        assertThat(s.alerts()).isEmpty();
        assertThat(s.processor().lagRecords()).isZero();
    }

    @Test
    void partsThatRegisterMeters_appear_countersAsRates_gaugesAsValues() {
        MeterSystemStatus status = status();
        Counter hits = Counter.builder("harbinger.cache.hits").tag("tier", "local").register(registry);
        AtomicLong firing = new AtomicLong(3);
        Gauge.builder("harbinger.alert.firing", firing, AtomicLong::get).register(registry);
        hits.increment(20);
        clock.advance(Duration.ofSeconds(2));
        SystemStatus.Status s = status.now();
        assertThat(s.cache()).hasValueSatisfying(c -> assertThat(c.get("hitsPerSecond")).isCloseTo(10.0, within(1e-9)));
        assertThat(s.alerts()).hasValueSatisfying(a -> assertThat(a.get("firing")).isEqualTo(3.0));
    }

    @Test
    void processorNotReadable_keepsTheLastCount_insteadOfFailing() {
        MeterSystemStatus status = new MeterSystemStatus(registry, clock, "harbinger.samples", () -> {
            throw new ReadUnavailableException("the processor is REBALANCING", null);
        });
        clock.advance(Duration.ofSeconds(2));
        assertThat(status.now().processor().pointsPerSecond()).isZero();
    }

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
