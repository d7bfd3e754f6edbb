package io.harbinger.app;

import io.harbinger.predict.offline.BackblazeDays;
import io.harbinger.predict.offline.DayFile;
import io.harbinger.predict.offline.FleetLayout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Sends Backblaze daily CSVs through a node's live HTTP import as a fleet would: day after day, each
 * drive's rows from its host ({@link FleetLayout}), one request per host and day carrying an
 * {@code Idempotency-Key} (so a retried request is not counted twice). A day is sent only once the
 * previous one is acknowledged: every drive's samples arrive in day order. 429 and 503 are retried after
 * their {@code Retry-After}; any other refusal stops the replay with the server's reason.
 */
final class FleetReplay {
    private static final int MAX_ATTEMPTS = 20;

    /**
     * @param daysPerSecond pace (0 = as fast as the node acknowledges)
     * @param drives        which serial numbers to send
     */
    record Options(URI base, Path data, LocalDate from, LocalDate to, double daysPerSecond, FleetLayout layout,
                   Predicate<String> drives, int concurrency) {
    }

    /** What was sent. */
    record Summary(int days, long rows, long requests) {
    }

    /** How far a replay has come: days and rows acknowledged, the last day acknowledged (null before the first). */
    record Progress(int days, long rows, LocalDate lastDay) {
    }

    private final Options options;
    private final AtomicReference<Progress> progress = new AtomicReference<>(new Progress(0, 0, null));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FleetReplay(Options options) {
        this.options = options;
    }

    Summary run() throws IOException, InterruptedException {
        int days = 0;
        long rows = 0;
        long requests = 0;
        long started = System.nanoTime();
        for (DayFile day : BackblazeDays.list(options.data(), options.from(), options.to())) {
            Split split = split(BackblazeDays.bytes(day));
            send(day.day(), split.bodies());
            days++;
            requests += split.bodies().size();
            rows += split.rows();
            progress.set(new Progress(days, rows, day.day()));
            pace(started, days);
        }
        return new Summary(days, rows, requests);
    }

    /** What has been acknowledged so far (read from any thread while {@link #run} goes on). */
    Progress progress() {
        return progress.get();
    }

    /** A day's requests: one CSV body (header + that host's rows) per host, in order of first appearance; rows in all. */
    record Split(Map<FleetLayout.Place, ByteArrayOutputStream> bodies, long rows) {
    }

    Split split(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf('\n');
        if (headerEnd < 0) throw new IllegalArgumentException("a daily file without rows");
        String header = text.substring(0, headerEnd).stripTrailing();
        int serialColumn = List.of(header.split(",", -1)).indexOf("serial_number");
        if (serialColumn < 0) throw new IllegalArgumentException("no serial_number column in header " + header);
        Map<FleetLayout.Place, ByteArrayOutputStream> bodies = new LinkedHashMap<>();
        long rows = 0;
        int pos = headerEnd + 1;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) end = text.length();
            String line = text.substring(pos, end).stripTrailing();
            pos = end + 1;
            if (line.isEmpty()) continue;
            String serial = cell(line, serialColumn);
            if (!options.drives().test(serial)) continue;
            ByteArrayOutputStream body = bodies.computeIfAbsent(options.layout().of(serial), p -> {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
                return b;
            });
            body.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
            rows++;
        }
        return new Split(bodies, rows);
    }

    private static String cell(String line, int column) {
        int start = 0;
        for (int c = 0; c < column; c++) start = line.indexOf(',', start) + 1;
        int end = line.indexOf(',', start);
        return line.substring(start, end < 0 ? line.length() : end);
    }

    private void send(LocalDate day, Map<FleetLayout.Place, ByteArrayOutputStream> bodies) throws InterruptedException, IOException {
        Semaphore slots = new Semaphore(options.concurrency());
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        for (Map.Entry<FleetLayout.Place, ByteArrayOutputStream> e : bodies.entrySet()) {
            slots.acquire();
            inFlight.add(CompletableFuture.runAsync(() -> {
                try {
                    post(day, e.getKey(), e.getValue().toByteArray());
                } finally {
                    slots.release();
                }
            }, Thread::startVirtualThread));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private void post(LocalDate day, FleetLayout.Place place, byte[] body) {
        URI uri = options.base().resolve("/api/v1/import/backblaze?date=" + day + "&host=" + enc(place.host()) + "&region=" + enc(place.region()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/csv").header("Idempotency-Key", "replay/" + day + "/" + place.region() + "/" + place.host())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) throw new IllegalStateException("POST " + uri + " failed " + attempt + " times: " + e.getMessage(), e);
                sleepSeconds(1);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            int status = response.statusCode();
            if (status / 100 == 2) return;
            if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
                sleepSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1));
                continue;
            }
            throw new IllegalStateException("POST " + uri + " answered " + status + ": " + response.body());
        }
    }

    private void pace(long startedNanos, int daysSent) throws InterruptedException {
        if (options.daysPerSecond() <= 0) return;
        long due = startedNanos + (long) (daysSent / options.daysPerSecond() * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }

    private static void sleepSeconds(long s) {
        try {
            Thread.sleep(Math.max(1, s) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
