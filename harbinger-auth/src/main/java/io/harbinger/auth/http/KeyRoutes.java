package io.harbinger.auth.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.auth.key.Authenticator;
import io.harbinger.auth.key.Keys;
import io.harbinger.auth.key.StoredKey;
import io.harbinger.schema.auth.Principal;
import io.harbinger.schema.auth.Role;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin endpoints for keys (the {@code admin} role, {@link io.harbinger.auth.key.AccessPolicy}), each
 * within the caller's tenant: another tenant's keys are 403.
 * <ul>
 *   <li>{@code POST /api/v1/admin/keys} body {@code {"roles": ["write"], "tenant"?}} — 201 with the key's
 *       token, shown this once;</li>
 *   <li>{@code GET /api/v1/admin/keys} — the tenant's keys, revoked ones too, never a token or hash;</li>
 *   <li>{@code DELETE /api/v1/admin/keys/{id}} — revokes it: 204; refused on this node at once, on the others
 *       within the cache's TTL.</li>
 * </ul>
 */
public final class KeyRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyRoutes() {
    }

    public static void register(Javalin app, Keys keys, Authenticator authenticator) {
        app.post("/api/v1/admin/keys", ctx -> create(ctx, keys));
        app.get("/api/v1/admin/keys", ctx -> ctx.json(Map.of("items",
                keys.store().list(Optional.of(AccessFilter.caller(ctx).tenant())).stream().map(KeyRoutes::describe).toList())));
        app.delete("/api/v1/admin/keys/{id}", ctx -> revoke(ctx, keys, authenticator));
    }

    private static void create(Context ctx, Keys keys) {
        Principal caller = AccessFilter.caller(ctx);
        JsonNode body = body(ctx);
        String tenant = body.path("tenant").isTextual() ? body.get("tenant").asText() : caller.tenant();
        if (!tenant.equals(caller.tenant())) {
            throw Refusal.forbidden("key " + caller.keyId() + " administers tenant " + caller.tenant() + ", not " + tenant);
        }
        Keys.Issued issued = keys.create(caller, tenant, roles(body));
        Map<String, Object> out = describe(issued.stored());
        out.put("key", issued.key().token());
        ctx.status(201).json(out);
    }

    private static void revoke(Context ctx, Keys keys, Authenticator authenticator) {
        Principal caller = AccessFilter.caller(ctx);
        String id = ctx.pathParam("id");
        StoredKey key = keys.store().find(id).orElseThrow(() -> Refusal.notFound("no key " + id));
        if (!key.tenant().equals(caller.tenant())) {
            throw Refusal.forbidden("key " + id + " belongs to another tenant than " + caller.tenant() + " (that of key " + caller.keyId() + ")");
        }
        keys.revoke(caller, id);
        authenticator.forget(id);
        ctx.status(204);
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body == null || !body.isObject()) throw Refusal.badRequest("the body must be a JSON object such as {\"roles\": [\"write\"]}");
            return body;
        } catch (JsonProcessingException e) {
            throw Refusal.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Set<Role> roles(JsonNode body) {
        JsonNode roles = body.path("roles");
        if (!roles.isArray() || roles.isEmpty()) throw Refusal.badRequest("body field roles is required: a non-empty array of write, read, admin");
        EnumSet<Role> out = EnumSet.noneOf(Role.class);
        for (JsonNode r : roles) {
            try {
                out.add(Role.parse(r.asText()));
            } catch (IllegalArgumentException e) {
                throw Refusal.badRequest("body field roles: " + e.getMessage());
            }
        }
        return out;
    }

    /** A key as the API shows it: no token, no hash. */
    static Map<String, Object> describe(StoredKey key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", key.id());
        out.put("tenant", key.tenant());
        List<String> roles = new ArrayList<>();
        key.roles().stream().sorted().forEach(r -> roles.add(r.label()));
        out.put("roles", roles);
        out.put("created", key.created().toString());
        out.put("revoked", key.revoked().map(Object::toString).orElse(null));
        return out;
    }
}
