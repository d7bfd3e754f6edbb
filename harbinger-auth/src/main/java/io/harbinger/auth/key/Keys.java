package io.harbinger.auth.key;

import io.harbinger.auth.audit.AuditEntry;
import io.harbinger.auth.audit.AuditLog;
import io.harbinger.schema.auth.Principal;
import io.harbinger.schema.auth.Role;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Creating and revoking keys, shared by the CLI and the admin endpoints: the new key's token exists only in
 * what {@link #create} returns; the store gets its hash. Each is audited, with who did it.
 */
public final class Keys {
    private final KeyStore store;
    private final AuditLog audit;
    private final RandomGenerator random;
    private final Clock clock;

    /** @param random a cryptographically strong generator ({@link java.security.SecureRandom}) */
    public Keys(KeyStore store, AuditLog audit, RandomGenerator random, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.random = random;
        this.clock = clock;
    }

    /** A key just made: the token, to be shown once, and what was stored. */
    public record Issued(ApiKey key, StoredKey stored) {
    }

    /** @param by who asks (an admin key, or the CLI's {@link #cli}) */
    public Issued create(Principal by, String tenant, Set<Role> roles) {
        ApiKey key = ApiKey.generate(random);
        StoredKey stored = new StoredKey(key.id(), tenant, roles, key.hash(), clock.instant(), Optional.empty());
        store.insert(stored);
        audit.record(AuditEntry.of(stored.created(), by, AuditEntry.Action.KEY_CREATE, key.id(), 201, "tenant " + tenant + ", roles " + Role.labels(roles)));
        return new Issued(key, stored);
    }

    /** @return the key as revoked, or empty when there is none with that id */
    public Optional<StoredKey> revoke(Principal by, String id) {
        Optional<StoredKey> revoked = store.revoke(id, clock.instant());
        revoked.ifPresent(k -> audit.record(AuditEntry.of(clock.instant(), by, AuditEntry.Action.KEY_REVOKE, id, 204,
                "tenant " + k.tenant() + ", roles " + Role.labels(k.roles()) + ", revoked " + k.revoked().orElseThrow())));
        return revoked;
    }

    /** The CLI as the audit names it: key id {@code cli:<user>} of the tenant it acts on. */
    public static Principal cli(String user, String tenant) {
        return new Principal("cli:" + user, tenant, Set.of(Role.ADMIN));
    }

    public KeyStore store() {
        return store;
    }
}
