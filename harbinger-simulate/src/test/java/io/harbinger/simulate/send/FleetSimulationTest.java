package io.harbinger.simulate.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.harbinger.simulate.fleet.FleetShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender's protocol against a small HTTP endpoint on 127.0.0.1 that records what it gets and answers
 * as told (the node's import semantics are covered by harbinger-app's SimulateIT against a real node).
 */
class FleetSimulationTest {
    private static final FleetShape SHAPE = new FleetShape(4, 2, 3);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    private HttpServer server;
    private final List<String> imports = Collections.synchronizedList(new ArrayList<>());
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> completedPerDay = new ConcurrentHashMap<>();
    private final List<String> outOfOrder = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<HttpExchange, Integer> answer = e -> 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/v1/import/backblaze", this::importDay);
        server.createContext("/write", e -> {
            writes.add(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(e, 204, "");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void importDay(HttpExchange e) throws IOException {
        String query = e.getRequestURI().getQuery();
        String day = query.replaceAll(".*date=([0-9-]+).*", "$1");
        String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        completedPerDay.forEach((d, n) -> {
            if (d.compareTo(day) < 0 && n.get() < SHAPE.hosts()) outOfOrder.add(day + " sent before " + d + " was acknowledged");
        });
        int status = answer.apply(e);
        if (status == 429) {
            e.getResponseHeaders().add("Retry-After", "1");
            reply(e, 429, "{\"error\": \"slow down\"}");
            return;
        }
        if (status != 200) {
            reply(e, status, "{\"error\": \"region 'region-1' is not served here\"}");
            return;
        }
        imports.add(query);
        keys.add(e.getRequestHeaders().getFirst("Idempotency-Key"));
        long rows = body.lines().count() - 1;
        completedPerDay.computeIfAbsent(day, d -> new AtomicInteger()).incrementAndGet(); // before the client can see the reply
        reply(e, 200, "{\"written\": " + rows + "}");
    }

    private static void reply(HttpExchange e, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        e.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) e.getResponseBody().write(b);
        e.close();
    }

    private FleetSimulation.Options options() {
        return FleetSimulation.Options.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), SHAPE).withClock(CLOCK)
                .withSpeed(0).withStartDaysAgo(10).withHostMetricsInterval(Duration.ZERO);
    }

    @Test
    void everyDay_goesHostByHost_afterThePreviousDayIsAcknowledged_withRowsCounted() throws Exception {
        try (FleetSimulation sim = FleetSimulation.start(options().withDays(6).withConcurrency(4), null)) {
            assertThat(sim.await(Duration.ofSeconds(30))).isTrue();
            FleetSimulation.Progress p = sim.progress();
            assertThat(p.failure()).isNull();
            assertThat(p.daysSent()).isEqualTo(6);
            assertThat(p.requests()).isEqualTo(6L * SHAPE.hosts());
            assertThat(p.rowsAcked()).isEqualTo(6L * SHAPE.drives());
            assertThat(p.currentDay()).hasToString("2026-03-05");
            assertThat(p.live()).isFalse();
        }
        assertThat(outOfOrder).isEmpty();
        assertThat(imports).contains("date=2026-02-28&region=region-1&host=host-0001", "date=2026-03-05&region=region-2&host=host-0004");
        assertThat(keys).doesNotHaveDuplicates().allSatisfy(k -> assertThat(k).startsWith("simulate/1/"));
    }

    @Test
    void theSameSimulation_sendsTheSameIdempotencyKeys() throws Exception {
        for (int run = 0; run < 2; run++) {
            try (FleetSimulation sim = FleetSimulation.start(options().withDays(2), null)) {
                assertThat(sim.await(Duration.ofSeconds(30))).isTrue();
            }
        }
        assertThat(keys).hasSize(4 * SHAPE.hosts());
        assertThat(keys.subList(0, 2 * SHAPE.hosts())).containsExactlyInAnyOrderElementsOf(keys.subList(2 * SHAPE.hosts(), 4 * SHAPE.hosts()));
    }

    @Test
    void a429_isRetriedAfterItsRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        answer = e -> calls.incrementAndGet() == 1 ? 429 : 200;
        try (FleetSimulation sim = FleetSimulation.start(options().withDays(1), null)) {
            assertThat(sim.await(Duration.ofSeconds(30))).isTrue();
            assertThat(sim.progress().failure()).isNull();
            assertThat(sim.progress().rowsAcked()).isEqualTo(SHAPE.drives());
        }
        assertThat(calls.get()).isEqualTo(SHAPE.hosts() + 1);
    }

    @Test
    void anyOtherRefusal_stopsTheSimulation_withTheNodesReason() throws Exception {
        answer = e -> 400;
        AtomicReference<Throwable> stopped = new AtomicReference<>();
        try (FleetSimulation sim = FleetSimulation.start(options(), new FleetSimulation.Listener() {
            @Override
            public void stopped(Throwable failure) {
                stopped.set(failure);
            }
        })) {
            assertThat(sim.await(Duration.ofSeconds(30))).isTrue();
            assertThat(sim.progress().failure()).contains("answered 400").contains("region 'region-1' is not served here");
            assertThat(sim.progress().daysSent()).isZero();
            assertThat(sim.progress().running()).isFalse();
        }
        assertThat(stopped.get()).isInstanceOf(NodeRefusedException.class);
    }

    @Test
    void onceTheTimelineReachesToday_itWaitsForTomorrow() throws Exception {
        try (FleetSimulation sim = FleetSimulation.start(options().withStartDaysAgo(2), null)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!sim.progress().live() && System.nanoTime() < deadline) Thread.sleep(20);
            FleetSimulation.Progress p = sim.progress();
            assertThat(p.live()).isTrue();
            assertThat(p.daysSent()).isEqualTo(3); // two days ago, yesterday, today: the clock never reaches tomorrow
            assertThat(p.currentDay()).hasToString("2026-03-10");
            assertThat(p.running()).isTrue();
        }
    }

    @Test
    void hostMetrics_carryTheClocksTime_andEveryHost() throws Exception {
        // no end of days (0): with one day, the days could end, and stop the host metrics, before their first write arrived
        try (FleetSimulation sim = FleetSimulation.start(options().withDays(0).withStartDaysAgo(0).withHostMetricsInterval(Duration.ofMillis(50)), null)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (writes.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        }
        assertThat(writes).isNotEmpty();
        List<String> lines = writes.getFirst().lines().toList();
        assertThat(lines).hasSize(4 * SHAPE.hosts());
        long ns = CLOCK.instant().getEpochSecond() * 1_000_000_000L;
        assertThat(lines).allSatisfy(l -> assertThat(l).endsWith(" " + ns).contains(",region=region-").contains(",host=host-"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("cpu,region=region-1,host=host-0001,cpu=cpu-total usage_user="));
    }
}
