package io.harbinger.auth.http;

import io.harbinger.auth.key.AccessPolicy;
import io.harbinger.auth.key.Authenticator;
import io.harbinger.auth.key.Credentials;
import io.harbinger.auth.key.KeyStoreUnavailable;
import io.harbinger.auth.key.Verdict;
import io.harbinger.schema.auth.Principal;
import io.harbinger.schema.auth.Role;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The check in front of every route: the role the matched route needs ({@link AccessPolicy}, decided on the
 * route's own path, so {@code /write/} or {@code /api/v1/model/reload/} cannot slip past as another path), the
 * key the request presents ({@link Credentials}), verified ({@link Authenticator}); the caller is put on the
 * request as {@link Principal#ATTRIBUTE}. Refused: 401 with {@code WWW-Authenticate} and why (missing,
 * malformed, unknown, revoked), or 403 naming the role the route needs.
 */
public final class AccessFilter {
    private AccessFilter() {
    }

    /** The request attributes that keep the matched route's path and path parameters for the handlers after it ({@link AuditTrail}). */
    static final String ROUTE = "harbinger.route";
    static final String PATH_PARAMS = "harbinger.route.params";

    /** Checks every request to {@code app} with keys. */
    public static void install(Javalin app, AccessPolicy policy, Authenticator authenticator) {
        app.beforeMatched(ctx -> {
            remember(ctx);
            check(ctx, policy, authenticator);
        });
        mapRefusals(app);
    }

    /** A node without keys: every request comes from {@link Principal#open()}. */
    public static void installOpen(Javalin app) {
        app.beforeMatched(ctx -> {
            remember(ctx);
            ctx.attribute(Principal.ATTRIBUTE, Principal.open());
        });
    }

    /** Answers a {@link Refusal} with its status, and a key store that cannot answer with 503. */
    public static void mapRefusals(Javalin app) {
        app.exception(Refusal.class, (e, ctx) -> {
            if (e.status() == 401) ctx.header("WWW-Authenticate", "Bearer realm=\"harbinger\", error=\"invalid_token\"");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            body.put("reason", e.reason());
            ctx.status(e.status()).json(body);
        });
        app.exception(KeyStoreUnavailable.class, (e, ctx) -> ctx.status(503).header("Retry-After", "1")
                .json(Map.of("error", "cannot verify the key right now: " + e.getMessage(), "reason", "unavailable")));
    }

    private static void check(Context ctx, AccessPolicy policy, Authenticator authenticator) {
        Optional<Role> needed = policy.required(ctx.method().name(), routePath(ctx));
        if (needed.isEmpty()) return;
        Verdict verdict = authenticator.verify(Credentials.read(Optional.ofNullable(ctx.header("Authorization")), Optional.ofNullable(ctx.queryParam("p"))));
        Principal caller = switch (verdict) {
            case Verdict.Refused r -> throw Refusal.unauthenticated(r.reason().label(), r.detail());
            case Verdict.Authenticated a -> a.principal();
        };
        if (!caller.holds(needed.get())) {
            throw Refusal.forbidden(ctx.method().name() + " " + routePath(ctx) + " needs the " + needed.get().label() + " role; key "
                    + caller.keyId() + " (tenant " + caller.tenant() + ") has " + Role.labels(caller.roles()));
        }
        ctx.attribute(Principal.ATTRIBUTE, caller);
    }

    /** Javalin gives an after-handler its own path and parameters, not the route's: keep the route's while they are at hand. */
    private static void remember(Context ctx) {
        ctx.attribute(ROUTE, routePath(ctx));
        ctx.attribute(PATH_PARAMS, Map.copyOf(ctx.pathParamMap()));
    }

    /** The path of the route that will answer ({@code /api/v1/alerts/{id}/ack}); the request's own for static files. */
    private static String routePath(Context ctx) {
        String route = ctx.endpointHandlerPath();
        return route == null || route.equals("*") || route.isEmpty() ? ctx.path() : route;
    }

    /** The caller of a request that passed the filter. */
    static Principal caller(Context ctx) {
        Principal p = ctx.attribute(Principal.ATTRIBUTE);
        if (p == null) throw new IllegalStateException("no caller on the request: the access filter is not installed");
        return p;
    }
}
