package io.harbinger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.harbinger.schema.read.ReadUnavailableException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A node's HTTP server and its route tree. {@link #server} makes the server (virtual threads, JSON with
 * ISO-8601 instants); the ingest endpoints are mounted on it by the ingest module; {@link #mount} adds
 * every other route, and every exception mapper, here (a group only when the node has its port, {@link ApiPorts}):
 * <ul>
 *   <li>processor: {@code GET /api/v1/hosts}, {@code /api/v1/hosts/{region}/{host}}, {@code /api/v1/stats};</li>
 *   <li>fleet: {@code GET /api/v1/fleet/summary}, {@code /api/v1/fleet/at-risk}, {@code /api/v1/fleet/hosts},
 *       {@code /api/v1/fleet/hosts/{region}/{host}}, {@code /api/v1/fleet/drives/{region}/{host}/{drive}},
 *       {@code /api/v1/drives/{region}/{host}/{drive}/predictions}, {@code /api/v1/episodes},
 *       {@code /api/v1/risk}, {@code /api/v1/store/stats};</li>
 *   <li>model: {@code GET /api/v1/model}, {@code POST /api/v1/model/reload};</li>
 *   <li>alerts (when alerting runs): {@code /api/v1/alerts...}, {@code /api/v1/silences...} ({@link AlertRoutes});</li>
 *   <li>operations: {@code GET /metrics}, {@code /health}, {@code /ready};</li>
 *   <li>system (when given): {@code GET /api/v1/system}, {@code /api/v1/system/events} (server-sent events); the dashboard at {@code /};</li>
 *   <li>the API's description: {@code GET /api/openapi.yaml} (OpenAPI 3.0, {@link ApiDocument}).</li>
 * </ul>
 * A bad query parameter is 400 naming it; what cannot be read right now is 503 with Retry-After.
 */
public final class HttpApi {
    private HttpApi() {
    }

    /** A server with the dashboard at {@code /}. */
    public static Javalin server() {
        return server(true);
    }

    /** A server; with {@code dashboard}, the page at {@code /} and its webjars (a node that serves the read API). */
    public static Javalin server(boolean dashboard) {
        return server(dashboard, javalin -> {
        });
    }

    /** A server as {@link #server(boolean)}, also set up by {@code listener} (where and how it listens: {@link io.harbinger.api.server.HttpListener}). */
    public static Javalin server(boolean dashboard, Consumer<JavalinConfig> listener) {
        return Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.useVirtualThreads = true;
            javalin.http.disableCompression();
            javalin.startupWatcherEnabled = false;
            if (dashboard) DashboardRoutes.configure(javalin);
            // instants as ISO-8601 strings (2018-05-01T00:00:00Z), not epoch numbers; empty Optionals as null
            // a non-finite double (an unknown feature value, NaN) as null: JSON has no NaN
            javalin.jsonMapper(new JavalinJackson(new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
                    .registerModule(FiniteDoubles.MODULE).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS), true));
            listener.accept(javalin);
        });
    }

    public static void mount(Javalin app, ApiPorts ports) {
        ports.processor().ifPresent(reads -> ProcessorRoutes.register(app, reads));
        ports.fleet().ifPresent(reads -> FleetRoutes.register(app, reads, ports.clock(), ports.alerts()));
        ports.model().ifPresent(control -> ModelRoutes.register(app, control));
        OpsRoutes.register(app, ports);
        ports.alerts().ifPresent(book -> AlertRoutes.register(app, book, ports.clock()));
        ports.system().ifPresent(status -> SystemRoutes.register(app, status));
        ApiDocument.register(app);
        mapExceptions(app);
    }

    /** The mappers every route relies on: 400 for a bad parameter, 503 with Retry-After for what cannot be read now. */
    static void mapExceptions(Javalin app) {
        app.exception(BadParameter.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
        app.exception(ReadUnavailableException.class, (e, ctx) -> ctx.status(503).header("Retry-After", "1")
                .json(Map.of("error", "not readable right now: " + e.getMessage())));
    }
}
