package io.harbinger.api.server;

import io.harbinger.api.HttpApi;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Many hostile sockets against a real server on the loopback while a normal client goes on being
 * answered: headers dribbled a byte at a time (closed by the header deadline, though each byte resets
 * the idle timeout), oversized headers (431), bodies dribbled below the minimum rate (408), and more
 * connections than the limit. Asserts outcomes, not speed: a normal request must complete within the
 * idle timeout, and every slow socket must end up closed by the server.
 */
class SlowClientsIT {
    private static final Duration IDLE = Duration.ofSeconds(30);
    /** How long the test waits for what the limits should bring about: well under the idle timeout, which would end silent sockets too. */
    private static final Duration WAIT = IDLE.dividedBy(2);
    private static final byte[] REQUEST_START = "GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Socket> sockets = new ArrayList<>();
    private Javalin app;
    private int port;

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) s.close();
        if (app != null) app.stop();
    }

    @Test
    void hundredsOfDribbledAndOversizedHeaders_normalClientStillServed_andTheSlowSocketsClosed() throws Exception {
        start(limits(Duration.ofSeconds(2), 10_000));
        List<Socket> dribbling = open(300);
        for (Socket s : dribbling) s.getOutputStream().write(REQUEST_START);
        CompletableFuture<Integer> dribbled = CompletableFuture.supplyAsync(() -> dribbleUntilClosed(dribbling, Duration.ofSeconds(60)));
        List<Socket> oversized = open(50);
        for (Socket s : oversized) sendQuietly(s, ("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(16 * 1024) + "\r\n\r\n"));

        for (int i = 0; i < 20; i++) {
            assertThat(get("/ping").statusCode()).isEqualTo(200);
            assertThat(post("/echo", new byte[64 * 1024]).body()).isEqualTo("65536");
        }

        for (Socket s : oversized) assertThat(statusLine(s)).startsWith("HTTP/1.1 431");
        assertThat(dribbled.get(90, TimeUnit.SECONDS)).as("dribbling sockets the server closed").isEqualTo(dribbling.size());
        assertThat(get("/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void bodyDribbledBelowTheMinimumRate_isCutOffWith408() throws Exception {
        start(limits(Duration.ofSeconds(10), 10_000));
        Socket s = open(1).getFirst();
        s.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        CompletableFuture<Integer> dribbled = CompletableFuture.supplyAsync(() -> dribbleUntilClosed(List.of(s), Duration.ofSeconds(60)));

        assertThat(statusLine(s)).startsWith("HTTP/1.1 408");
        assertThat(dribbled.get(90, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(post("/echo", new byte[100_000]).body()).isEqualTo("100000");
    }

    @Test
    void atTheConnectionLimit_aNewClientWaits_untilASlotFrees() throws Exception {
        start(limits(Duration.ofSeconds(60), 20));
        List<Socket> silent = open(20);
        Socket waiting = open(1).getFirst(); // the kernel completes the connect; the server does not take it while at its limit
        waiting.getOutputStream().write("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        waiting.setSoTimeout(1000);
        assertThatThrownBy(() -> waiting.getInputStream().read()).as("an answer while the server is at its limit").isInstanceOf(SocketTimeoutException.class);

        silent.getFirst().close();

        assertThat(statusLine(waiting)).startsWith("HTTP/1.1 200");
    }

    @Test
    void silentConnectionsAtTheLimit_areClosedByTheHeaderDeadline_andANormalClientGetsIn() throws Exception {
        start(limits(Duration.ofSeconds(1), 20));
        List<Socket> silent = open(20);

        assertThat(get("/ping", WAIT).statusCode()).isEqualTo(200);
        for (Socket s : silent) assertThat(readUntilClosed(s)).as("bytes the server sent a silent connection before closing it").isEmpty();
    }

    private static ServerConfig limits(Duration headerTimeout, int maxConnections) {
        return new ServerConfig(Optional.empty(), IDLE, headerTimeout, 8192, maxConnections, 1024);
    }

    private void start(ServerConfig config) {
        app = HttpApi.server(false, javalin -> HttpListener.configure(javalin, "127.0.0.1", 0, config));
        app.get("/ping", ctx -> ctx.result("pong"));
        app.post("/echo", ctx -> ctx.result(Integer.toString(ctx.req().getInputStream().readAllBytes().length)));
        app.start();
        port = app.port();
    }

    private List<Socket> open(int n) throws IOException {
        List<Socket> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            sockets.add(s);
            opened.add(s);
        }
        return opened;
    }

    /** Writes one more header byte to each socket every 100 ms (each resets the idle timeout) until the server closed them all. @return how many it closed */
    private static int dribbleUntilClosed(List<Socket> slow, Duration atMost) {
        List<Socket> open = new ArrayList<>(slow);
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            open.removeIf(s -> !sendQuietly(s, "x"));
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return slow.size() - open.size();
    }

    /** Whether the write went through: false once the server closed the connection. */
    private static boolean sendQuietly(Socket s, String text) {
        try {
            s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static String statusLine(Socket s) throws IOException {
        s.setSoTimeout((int) IDLE.toMillis());
        InputStream in = s.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) line.write(b);
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    /** What the server sent before closing; a {@link SocketTimeoutException} if it does not close within {@link #WAIT}. */
    static byte[] readUntilClosed(Socket s) throws IOException {
        s.setSoTimeout((int) WAIT.toMillis());
        try {
            return s.getInputStream().readAllBytes();
        } catch (java.net.SocketException reset) {
            return new byte[0];
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, IDLE);
    }

    private HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(IDLE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
