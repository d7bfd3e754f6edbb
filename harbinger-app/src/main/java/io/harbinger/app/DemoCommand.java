package io.harbinger.app;

import io.harbinger.schema.read.StoredRows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbinger.pipeline.Pipeline;
import io.harbinger.predict.offline.FleetLayout;
import io.harbinger.schema.read.Totals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * {@code harbinger demo}: start a node, send it real telemetry over its own HTTP endpoints (smartctl
 * JSON documents, two weeks of a tenth of a real Backblaze fleet as {@code replay} sends it, host
 * metrics in line protocol), wait until the stream processor has seen every acknowledged point, print
 * what it saw, what was stored and what the failure model said, and stop (or keep serving).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, modelTransformer = ServeOptions.class,
        description = "Start a node, feed it real telemetry through its HTTP endpoints, and show what the processor saw, stored and predicted.")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "${env:HARBINGER_TEST_DATA:-../shared/data}",
            description = "The real data set (Backblaze CSVs, smartctl JSON). Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--keep-running", description = "Keep serving after the demo (until Ctrl-C).")
    boolean keepRunning;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.time.LocalDate REPLAY_FROM = java.time.LocalDate.of(2018, 1, 1);
    private static final java.time.LocalDate REPLAY_TO = java.time.LocalDate.of(2018, 1, 14);
    private final PrintStream out = System.out;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        ServeConfig config = ServeOptions.read(spec, System.getenv());
        try (Harbinger node = Harbinger.start(config, Clock.systemUTC())) {
            String base = "http://" + config.bindAddress() + ":" + node.port();
            out.printf("Harbinger is up at %s (Kafka %s)%n", base, node.bootstrapServers());
            long sent = feedHostMetrics(base);
            long replayed = 0;
            if (Files.isDirectory(data)) {
                sent += feedSmartctl(base);
                replayed = feedBackblaze(base);
                sent += replayed;
            } else {
                out.printf("(no data set at %s: only generated host metrics are sent; see README 'Test data')%n", data);
            }
            long start = System.nanoTime();
            Totals totals = awaitProcessed(node, sent);
            out.printf("%nAll %,d acknowledged points processed %.1f s after the last answer.", sent, (System.nanoTime() - start) / 1e9);
            out.printf("%nProcessor saw %,d points (%,d values) from %,d hosts; duplicates dropped: %d%n",
                    totals.points(), totals.samples(), totals.hosts(), totals.duplicates());
            Map<String, Long> rows = awaitStored(node, totals.points()).tables();
            out.printf("PostgreSQL holds %s rows (%s), partitioned by region and day%n",
                    String.format(Locale.ROOT, "%,d", rows.values().stream().mapToLong(Long::longValue).sum()), rows);
            if (replayed > 0) showPredictions(base, node, replayed);
            out.printf("Try: curl -s %s/api/v1/hosts | head -c 600; curl -s %s/api/v1/store/stats; curl -s %s/metrics | grep harbinger_%n",
                    base, base, base);
            if (keepRunning) {
                out.println("Serving until Ctrl-C.");
                Thread.currentThread().join();
            }
        }
        return 0;
    }

    private long feedHostMetrics(String base) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int h = 0; h < 100; h++) {
            body.append(String.format(Locale.ROOT, "host,region=demo-%d,host=demo-%03d cpu=%.2f,mem=%.2f,load1=%.2f,net_err=%di %d%n",
                    h % 4, h, 10 + h * 0.7, 40 + h * 0.3, h * 0.05, h % 3, now));
        }
        post(base + "/write?precision=ns", "text/plain", body.toString().getBytes(), "line protocol (100 hosts)");
        return 100;
    }

    private long feedSmartctl(String base) throws IOException, InterruptedException {
        long points = 0;
        try (Stream<Path> files = Files.list(data.resolve("smartctl-json"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("smart-")).sorted().toList()) {
                String url = base + "/api/v1/smartctl?region=demo-0&host=storage-01";
                int status = post(url, "application/json", stampedNow(file), "smartctl " + file.getFileName());
                if (status == 200) points++;
            }
        }
        return points;
    }

    /**
     * The fixtures were captured years ago; a live agent's document carries the time it ran. Restamp
     * {@code local_time} so the live window accepts it (the parser takes the sample time from there).
     */
    private static byte[] stampedNow(Path file) throws IOException {
        JsonNode doc = JSON.readTree(file.toFile());
        if (doc.path("local_time") instanceof ObjectNode localTime) {
            localTime.put("time_t", System.currentTimeMillis() / 1000);
        }
        return JSON.writeValueAsBytes(doc);
    }

    /** Two weeks of a tenth of the real ST4000DM000 fleet, sent as {@code harbinger replay} sends it. */
    private long feedBackblaze(String base) throws IOException, InterruptedException {
        Path dir = data.resolve("backblaze-st4000dm000-2018-h1");
        if (!Files.isDirectory(dir)) return 0;
        FleetReplay.Summary s = new FleetReplay(new FleetReplay.Options(URI.create(base), dir, REPLAY_FROM, REPLAY_TO, 0,
                FleetLayout.DEFAULT, DriveSubset.of(100), 8)).run();
        out.printf("  %-44s -> %,d rows in %,d requests%n", "Backblaze " + REPLAY_FROM + ".." + REPLAY_TO + " (10% of drives)", s.rows(), s.requests());
        return s.rows();
    }

    /** What the model said of the replayed fortnight: alerts per region and the riskiest drives, from the read API. */
    private void showPredictions(String base, Harbinger node, long diskSamples) throws IOException, InterruptedException {
        long predictions = settle(() -> node.storedRows().tables().getOrDefault("predictions", 0L), 0L, n -> n, diskSamples);
        out.printf("Model %s scored %,d disk samples (stored in predictions); alerts raised:", node.modelVersion(), predictions);
        String range = "&from=" + REPLAY_FROM + "T00:00:00Z&to=" + REPLAY_TO.plusDays(1) + "T00:00:00Z";
        for (String region : FleetLayout.DEFAULT.regions()) {
            out.printf(" %s %d", region, JSON.readTree(send(base + "/api/v1/episodes?region=" + region + range)).size());
        }
        out.printf("%nRiskiest drives on %s:%n", REPLAY_TO);
        for (JsonNode r : JSON.readTree(send(base + "/api/v1/risk?limit=5&asOf=" + REPLAY_TO.plusDays(1) + "T00:00:00Z"))) {
            out.printf("  %-10s %-22s p=%.3f %-7s why: %s%n", r.path("region").asText(), r.path("host").asText() + "/" + r.path("drive").asText(),
                    r.path("probability").asDouble(), r.path("bucket").asText(), why(r.path("topFeatures")));
        }
    }

    /** {@code error_growth_days_30d +2.78, smart_5_raw +1.47} (contributions in log-odds). */
    private static String why(JsonNode contributions) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : contributions) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(c.path("feature").asText()).append(String.format(Locale.ROOT, " %+.2f", c.path("contribution").asDouble()));
        }
        return sb.isEmpty() ? "-" : sb.toString();
    }

    private String send(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private int post(String url, String contentType, byte[] body, String label) throws IOException, InterruptedException {
        HttpResponse<String> response = send(url, contentType, body);
        out.printf("  %-44s -> %d %s%n", label, response.statusCode(), abbreviate(response.body()));
        return response.statusCode();
    }

    private HttpResponse<String> send(String url, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Until the processor's points plus the retries it dropped reach what was acknowledged (identical documents sent twice count once). */
    private static Totals awaitProcessed(Harbinger node, long expectedPoints) throws InterruptedException {
        return settle(() -> {
            try {
                return node.pipeline().totals();
            } catch (io.harbinger.schema.read.ReadUnavailableException starting) {
                return null; // the processor is still taking its partitions: ask again
            }
        }, new Totals(0, 0, 0, 0, 0), t -> t.points() + t.duplicates(), expectedPoints);
    }

    /** Until every processed point is a row (two samples of one drive at one instant are one row, so it may settle short). */
    private static StoredRows awaitStored(Harbinger node, long points) throws InterruptedException {
        return settle(node::storedRows, node.storedRows(), StoredRows::ingested, points);
    }

    /**
     * Polls {@code read} until {@code progress} reaches {@code target}, or, once something arrived,
     * nothing changed for 3 s; at most 120 s. {@code read} answers null while nothing can be read yet.
     */
    private static <T> T settle(Supplier<T> read, T start, ToLongFunction<T> progress, long target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long quiet = Duration.ofSeconds(3).toNanos();
        T value = start;
        long lastChange = System.nanoTime();
        while (progress.applyAsLong(value) < target && System.nanoTime() < deadline
                && (progress.applyAsLong(value) == 0 || System.nanoTime() - lastChange < quiet)) {
            Thread.sleep(200);
            T now = read.get();
            if (now == null) continue;
            if (!now.equals(value)) lastChange = System.nanoTime();
            value = now;
        }
        return value;
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() > 100 ? oneLine.substring(0, 100) + "..." : oneLine;
    }

}
