package io.harbinger.auth.http;

import io.harbinger.auth.audit.AuditEntry;
import io.harbinger.auth.audit.AuditLog;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/admin/audit?action=&limit=100&cursor=} (the {@code admin} role): the caller's tenant's
 * audit, newest first, in pages ({@code nextCursor}).
 */
public final class AuditRoutes {
    static final int MAX_LIMIT = 1_000;

    private AuditRoutes() {
    }

    public static void register(Javalin app, AuditLog audit) {
        app.get("/api/v1/admin/audit", ctx -> list(ctx, audit));
    }

    private static void list(Context ctx, AuditLog audit) {
        int limit = limit(ctx);
        Optional<AuditEntry.Action> action = Optional.ofNullable(ctx.queryParam("action")).filter(a -> !a.isBlank()).map(a -> {
            try {
                return AuditEntry.Action.parse(a);
            } catch (IllegalArgumentException e) {
                throw Refusal.badRequest("query parameter action: " + e.getMessage());
            }
        });
        List<AuditEntry> page = audit.query(AccessFilter.caller(ctx).tenant(), action, cursor(ctx), limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.stream().map(AuditRoutes::describe).toList());
        out.put("nextCursor", page.size() == limit ? Long.toString(page.getLast().id()) : null);
        ctx.json(out);
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) return 100;
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) return limit;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.badRequest("query parameter limit must be 1.." + MAX_LIMIT + ", got '" + text + "'");
    }

    private static Optional<Long> cursor(Context ctx) {
        String text = ctx.queryParam("cursor");
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw Refusal.badRequest("query parameter cursor is not one this API gave: '" + text + "'");
        }
    }

    static Map<String, Object> describe(AuditEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("at", e.at().toString());
        out.put("keyId", e.keyId());
        out.put("tenant", e.tenant());
        out.put("action", e.action().label());
        out.put("target", e.target());
        out.put("status", e.status());
        out.put("detail", e.detail());
        return out;
    }
}
