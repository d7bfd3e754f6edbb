package io.harbinger.auth.key;

import io.harbinger.schema.auth.Principal;
import io.harbinger.schema.auth.Role;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A key as the store keeps it: the hash of the token, never the token.
 *
 * @param revoked when it stopped being accepted; empty while it is
 */
public record StoredKey(String id, String tenant, Set<Role> roles, byte[] hash, Instant created, Optional<Instant> revoked) {
    public StoredKey {
        if (id == null || hash == null || created == null || revoked == null) throw new IllegalArgumentException("every part of a stored key must be given");
        Principal.requireTenant(tenant);
        if (roles == null || roles.isEmpty()) throw new IllegalArgumentException("a key holds at least one role");
        roles = Set.copyOf(EnumSet.copyOf(roles));
        if (hash.length != 32) throw new IllegalArgumentException("a key's hash is 32 bytes (SHA-256), was " + hash.length);
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    public boolean isRevoked() {
        return revoked.isPresent();
    }

    /** The caller this key makes a request come from. */
    public Principal principal() {
        return new Principal(id, tenant, roles);
    }

    /** Equal when every part is, the hash by its bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredKey k && id.equals(k.id) && tenant.equals(k.tenant) && roles.equals(k.roles) && Arrays.equals(hash, k.hash)
                && created.equals(k.created) && revoked.equals(k.revoked);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Without the hash. */
    @Override
    public String toString() {
        return "StoredKey[" + id + ", tenant " + tenant + ", " + Role.labels(roles) + revoked.map(r -> ", revoked " + r).orElse("") + "]";
    }
}
