package io.harbinger.auth.http;

import io.harbinger.auth.audit.AuditEntry;
import io.harbinger.auth.audit.AuditEntry.Action;
import io.harbinger.auth.audit.AuditLog;
import io.harbinger.schema.auth.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Audits the routes of other modules that change the model or who is paged — {@code POST /api/v1/model/reload},
 * {@code POST /api/v1/silences}, {@code DELETE /api/v1/silences/{id}}, {@code POST /api/v1/alerts/{id}/ack} — after
 * they answered (a request the access filter refused never reaches them), from the caller on the request, the
 * route's id and the request's or answer's body. The key routes audit themselves ({@link io.harbinger.auth.key.Keys}).
 * An entry that cannot be written is logged at error with everything it held: the action has happened, and
 * failing its answer would tell the caller it had not.
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final Map<String, Action> ROUTES = Map.of(
            "POST /api/v1/model/reload", Action.MODEL_RELOAD,
            "POST /api/v1/silences", Action.SILENCE_CREATE,
            "DELETE /api/v1/silences/{id}", Action.SILENCE_EXPIRE,
            "POST /api/v1/alerts/{id}/ack", Action.ALERT_ACK);

    private AuditTrail() {
    }

    public static void install(Javalin app, AuditLog audit, Clock clock) {
        app.afterMatched(ctx -> {
            Action action = ROUTES.get(ctx.method().name() + " " + ctx.attribute(AccessFilter.ROUTE));
            Principal caller = ctx.attribute(Principal.ATTRIBUTE);
            if (action == null || caller == null) return;
            AuditEntry entry = AuditEntry.of(clock.instant(), caller, action, target(ctx, action), ctx.statusCode(), detail(ctx, action));
            try {
                audit.record(entry);
            } catch (RuntimeException e) {
                LOG.error("audit entry not written: {}", entry, e);
            }
        });
    }

    private static String target(Context ctx, Action action) {
        return switch (action) {
            case SILENCE_EXPIRE, ALERT_ACK -> {
                Map<String, String> params = ctx.attribute(AccessFilter.PATH_PARAMS);
                yield params == null ? "" : params.getOrDefault("id", "");
            }
            case SILENCE_CREATE -> Optional.ofNullable(ctx.res().getHeader("Location")).map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse("");
            default -> "";
        };
    }

    /** What was asked (the request's body) or, for a reload, what happened (the answer's). */
    private static String detail(Context ctx, Action action) {
        String text = action == Action.MODEL_RELOAD ? Optional.ofNullable(ctx.result()).orElse("") : ctx.body();
        return text.strip();
    }
}
