package io.harbinger.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver on 127.0.0.1: answers the requests it gets with the scripted answers in order
 * (a status with an optional Retry-After, or hanging for a while), then 200; records every request.
 */
public final class ScriptedReceiver implements AutoCloseable {
    /** One scripted answer. */
    public sealed interface Answer {
    }

    public record Status(int code, String retryAfter) implements Answer {
    }

    public record Hang(Duration time) implements Answer {
    }

    /** One request as received, and what it was answered. */
    public record Request(Instant at, String idempotencyKey, String body, String answer) {
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public ScriptedReceiver(List<Answer> answers) throws IOException {
        script.addAll(answers);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static Status status(int code) {
        return new Status(code, null);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> delivered() {
        return requests.stream().filter(r -> r.answer().equals("200")).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer;
        synchronized (script) {
            answer = script.isEmpty() ? status(200) : script.poll();
        }
        String key = x.getRequestHeaders().getFirst("Idempotency-Key");
        switch (answer) {
            case Hang h -> {
                requests.add(new Request(Instant.now(), key, body, "hang"));
                try {
                    Thread.sleep(h.time());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(x, 200); // too late: the sender gave up
            }
            case Status s -> {
                requests.add(new Request(Instant.now(), key, body, Integer.toString(s.code())));
                if (s.retryAfter() != null) x.getResponseHeaders().add("Retry-After", s.retryAfter());
                respond(x, s.code());
            }
        }
    }

    private static void respond(HttpExchange x, int code) throws IOException {
        try (x) {
            byte[] out = ("{\"status\":" + code + "}").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(code, out.length);
            x.getResponseBody().write(out);
        } catch (IOException e) {
            // the sender hung up (timed out): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
