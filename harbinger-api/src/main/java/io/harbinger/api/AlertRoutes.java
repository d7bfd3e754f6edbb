package io.harbinger.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.core.config.Durations;
import io.harbinger.schema.alert.Acknowledgement;
import io.harbinger.schema.alert.Alert;
import io.harbinger.schema.alert.AlertBook;
import io.harbinger.schema.alert.AlertCursor;
import io.harbinger.schema.alert.AlertPage;
import io.harbinger.schema.alert.AlertQuery;
import io.harbinger.schema.alert.Matcher;
import io.harbinger.schema.alert.NewSilence;
import io.harbinger.schema.alert.Silence;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Alerts and silences (docs/api-contract section 3; the alerting module keeps them):
 * <ul>
 *   <li>{@code GET /api/v1/alerts?state=firing|pending|resolved|acknowledged|active|all&region=&host=&limit=&cursor=}
 *       — newest first, default {@code active} (pending and firing);</li>
 *   <li>{@code GET /api/v1/alerts/{id}}; {@code POST /api/v1/alerts/{id}/ack} body {@code {"by", "comment"}};</li>
 *   <li>{@code GET /api/v1/silences?state=active|expired|all} (default {@code active}: active and not yet started);
 *       {@code GET /api/v1/silences/{id}};</li>
 *   <li>{@code POST /api/v1/silences} body {@code {"matchers": [{"name","value","op"}], "startsAt", "endsAt" | "duration",
 *       "createdBy", "comment"}} — 201 with the silence; {@code DELETE /api/v1/silences/{id}} expires it — 204.</li>
 * </ul>
 * A bad parameter or body field is 400 naming it; an unknown id 404.
 */
final class AlertRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertRoutes() {
    }

    /** A request body field that cannot be used: 400 naming it. */
    static class BadField extends RuntimeException {
        BadField(String field, String problem) {
            this("body field ", field, problem);
        }

        private BadField(String kind, String field, String problem) {
            super(kind + field + " " + problem);
        }

        /** A path parameter that cannot be used. */
        static final class Path extends BadField {
            Path(String name, String problem) {
                super("path parameter ", name, problem);
            }
        }
    }

    static void register(Javalin app, AlertBook book, Clock clock) {
        app.get("/api/v1/alerts", ctx -> list(ctx, book));
        app.get("/api/v1/alerts/{id}", ctx -> book.alert(id(ctx)).ifPresentOrElse(a -> ctx.json(alert(a)), () -> notFound(ctx, "alert", ctx.pathParam("id"))));
        app.post("/api/v1/alerts/{id}/ack", ctx -> {
            UUID id = id(ctx);
            JsonNode body = body(ctx);
            String by = text(body, "by").filter(s -> !s.isBlank()).orElseThrow(() -> new BadField("by", "is required: who acknowledges"));
            book.acknowledge(id, by, text(body, "comment").orElse("")).ifPresentOrElse(a -> ctx.json(alert(a)), () -> notFound(ctx, "alert", id.toString()));
        });
        app.get("/api/v1/silences", ctx -> ctx.json(Map.of("items", book.silences(silenceStates(ctx)).stream().map(s -> silence(s, clock.instant())).toList())));
        app.get("/api/v1/silences/{id}", ctx -> book.silence(id(ctx))
                .ifPresentOrElse(s -> ctx.json(silence(s, clock.instant())), () -> notFound(ctx, "silence", ctx.pathParam("id"))));
        app.post("/api/v1/silences", ctx -> {
            Silence created = book.createSilence(newSilence(body(ctx), clock.instant()));
            ctx.status(201).header("Location", "/api/v1/silences/" + created.id()).json(silence(created, clock.instant()));
        });
        app.delete("/api/v1/silences/{id}", ctx -> {
            UUID id = id(ctx);
            if (book.expireSilence(id)) ctx.status(204);
            else notFound(ctx, "silence", id.toString());
        });
        app.exception(BadField.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
    }

    private static void list(Context ctx, AlertBook book) {
        String state = Optional.ofNullable(ctx.queryParam("state")).filter(s -> !s.isEmpty()).orElse("active");
        AlertQuery.Selection selection = AlertQuery.Selection.find(state)
                .orElseThrow(() -> new BadParameter("state", "must be firing, pending, resolved, acknowledged, active or all, got '" + QueryParams.shorten(state) + "'"));
        int limit = QueryParams.integer(ctx, "limit", 100, 1, AlertQuery.MAX_LIMIT);
        Optional<AlertCursor> cursor = optional(ctx, "cursor").map(c -> {
            try {
                return AlertCursor.decode(c);
            } catch (IllegalArgumentException e) {
                throw new BadParameter("cursor", "is not one this API gave out: '" + QueryParams.shorten(c) + "'");
            }
        });
        AlertPage page = book.alerts(new AlertQuery(selection, optional(ctx, "region"), optional(ctx, "host"), limit, cursor));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(AlertRoutes::alert).toList());
        out.put("nextCursor", page.nextCursor().orElse(null));
        ctx.json(out);
    }

    private static Set<Silence.Status> silenceStates(Context ctx) {
        String state = Optional.ofNullable(ctx.queryParam("state")).filter(s -> !s.isEmpty()).orElse("active");
        return switch (state) {
            case "active" -> EnumSet.of(Silence.Status.ACTIVE, Silence.Status.PENDING);
            case "expired" -> EnumSet.of(Silence.Status.EXPIRED);
            case "all" -> EnumSet.allOf(Silence.Status.class);
            default -> throw new BadParameter("state", "must be active, expired or all, got '" + QueryParams.shorten(state) + "'");
        };
    }

    static NewSilence newSilence(JsonNode body, Instant now) {
        JsonNode ms = body.get("matchers");
        if (ms == null || !ms.isArray() || ms.isEmpty()) throw new BadField("matchers", "must be a non-empty array of {\"name\", \"value\", \"op\"}");
        List<Matcher> matchers = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) matchers.add(matcher(ms.get(i), "matchers[" + i + "]"));
        Instant startsAt = instant(body, "startsAt").orElse(now);
        Optional<Instant> endsAt = instant(body, "endsAt");
        Optional<String> duration = text(body, "duration");
        if (endsAt.isPresent() == duration.isPresent()) throw new BadField("endsAt", "or duration must be given, exactly one of them");
        Instant ends = endsAt.orElseGet(() -> startsAt.plus(duration(duration.get())));
        if (!ends.isAfter(startsAt)) throw new BadField(endsAt.isPresent() ? "endsAt" : "duration", "must end after startsAt (" + startsAt + ")");
        if (!ends.isAfter(now)) throw new BadField(endsAt.isPresent() ? "endsAt" : "duration", "must end in the future, not at " + ends);
        String createdBy = text(body, "createdBy").filter(s -> !s.isBlank()).orElseThrow(() -> new BadField("createdBy", "is required: who silences"));
        return new NewSilence(matchers, startsAt, ends, createdBy, text(body, "comment").orElse(""));
    }

    private static Matcher matcher(JsonNode m, String field) {
        if (m == null || !m.isObject()) throw new BadField(field, "must be an object {\"name\", \"value\", \"op\"}");
        String name = text(m, "name").filter(s -> !s.isBlank()).orElseThrow(() -> new BadField(field + ".name", "is required: a label name"));
        String value = text(m, "value").orElseThrow(() -> new BadField(field + ".value", "is required (\"\" matches a missing label)"));
        String symbol = text(m, "op").orElse("=");
        Matcher.Op op = Matcher.Op.ofSymbol(symbol).orElseThrow(() -> new BadField(field + ".op", "must be =, !=, =~ or !~, got '" + symbol + "'"));
        try {
            return new Matcher(name, op, value);
        } catch (IllegalArgumentException e) {
            throw new BadField(field + "." + e.getMessage().split(" ", 2)[0], e.getMessage().split(" ", 2)[1]);
        }
    }

    private static Duration duration(String text) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadField("duration", "is not a duration such as 30m, 2h or 1d: '" + text + "'");
        }
        if (d.isNegative() || d.isZero()) throw new BadField("duration", "must be positive, got '" + text + "'");
        return d;
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
            if (!body.isObject()) throw new BadField("(body)", "must be a JSON object");
            return body;
        } catch (JsonProcessingException e) {
            throw new BadField("(body)", "is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual()) throw new BadField(field, "must be a string");
        return Optional.of(v.asText());
    }

    private static Optional<Instant> instant(JsonNode body, String field) {
        return text(body, field).map(t -> {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                throw new BadField(field, "is not an ISO-8601 instant such as 2026-12-01T00:00:00Z: '" + t + "'");
            }
        });
    }

    private static Optional<String> optional(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isEmpty());
    }

    private static UUID id(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadField.Path("id", "is not an id such as 3f2b8c1e-0000-4000-8000-000000000000: '" + id + "'");
        }
    }

    private static void notFound(Context ctx, String what, String id) {
        ctx.status(404).json(Map.of("error", "no " + what + " " + id));
    }

    static Map<String, Object> alert(Alert a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id().toString());
        out.put("fingerprint", a.fingerprint());
        out.put("rule", a.rule());
        out.put("state", a.state().label());
        out.put("labels", a.labels());
        out.put("annotations", a.annotations());
        out.put("activeAt", a.activeAt().toString());
        out.put("firedAt", a.firedAt().map(Instant::toString).orElse(null));
        out.put("resolvedAt", a.resolvedAt().map(Instant::toString).orElse(null));
        out.put("lastProbability", a.lastProbability());
        out.put("acknowledged", a.acknowledged().map(AlertRoutes::ack).orElse(null));
        out.put("silencedBy", a.silencedBy().stream().map(UUID::toString).toList());
        return out;
    }

    private static Map<String, Object> ack(Acknowledgement k) {
        return Map.of("by", k.by(), "at", k.at().toString(), "comment", k.comment());
    }

    static Map<String, Object> silence(Silence s, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id().toString());
        out.put("status", s.status(now).label());
        out.put("matchers", s.matchers().stream().map(m -> {
            Map<String, String> one = new HashMap<>();
            one.put("name", m.name());
            one.put("op", m.op().symbol());
            one.put("value", m.value());
            return one;
        }).toList());
        out.put("startsAt", s.startsAt().toString());
        out.put("endsAt", s.endsAt().toString());
        out.put("createdBy", s.createdBy());
        out.put("comment", s.comment());
        out.put("createdAt", s.createdAt().toString());
        return out;
    }
}
