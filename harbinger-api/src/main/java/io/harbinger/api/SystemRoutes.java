package io.harbinger.api;

import io.harbinger.api.port.SystemStatus;
import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;

import java.time.Duration;

/**
 * {@code GET /api/v1/system} (the node's own figures, {@link SystemStatus.Status}) and
 * {@code GET /api/v1/system/events}: the same object as server-sent events ({@code event: system}) every
 * {@link #EVERY}, one virtual thread per subscriber, until it goes away or the server stops.
 */
final class SystemRoutes {
    static final Duration EVERY = Duration.ofSeconds(2);

    private SystemRoutes() {
    }

    static void register(Javalin app, SystemStatus system) {
        app.get("/api/v1/system", ctx -> ctx.json(system.now()));
        app.sse("/api/v1/system/events", client -> stream(client, system));
    }

    private static void stream(SseClient client, SystemStatus system) {
        try {
            while (!client.terminated()) {
                client.sendEvent("system", system.now());
                Thread.sleep(EVERY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
