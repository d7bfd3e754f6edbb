package io.harbinger.schema.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who a request comes from, once its key is verified: the key's id (never its secret), the tenant the key
 * belongs to and the roles it holds. The HTTP layer puts it on every request as the attribute
 * {@link #ATTRIBUTE}, so that what runs later (the audit, and tenant isolation of stored data, which will
 * key storage by {@link #tenant}) reads the caller from there instead of parsing credentials again.
 *
 * @param keyId  the key's public id ({@code hbk_<keyId>_...}), or {@link #OPEN_ID} when the node runs without keys
 * @param tenant lower-case letters, digits, '-' and '_', 1..63 characters
 * @param roles  at least one
 */
public record Principal(String keyId, String tenant, Set<Role> roles) {
    /** The request attribute that holds the caller. */
    public static final String ATTRIBUTE = "harbinger.principal";
    /** The key id of every request to a node started with {@code --auth open}. */
    public static final String OPEN_ID = "open";
    /** The tenant of every request to a node without keys, and the one keys are created for by default. */
    public static final String DEFAULT_TENANT = "default";

    public Principal {
        if (keyId == null || keyId.isBlank()) throw new IllegalArgumentException("a principal needs its key id");
        requireTenant(tenant);
        if (roles == null || roles.isEmpty()) throw new IllegalArgumentException("a principal holds at least one role");
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Every request to a node that runs without keys: the default tenant, every role. */
    public static Principal open() {
        return new Principal(OPEN_ID, DEFAULT_TENANT, EnumSet.allOf(Role.class));
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** @throws IllegalArgumentException naming the rule when {@code tenant} cannot be a tenant's name */
    public static String requireTenant(String tenant) {
        if (tenant == null || !tenant.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
            throw new IllegalArgumentException("tenant '" + tenant + "' must be 1..63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        return tenant;
    }
}
