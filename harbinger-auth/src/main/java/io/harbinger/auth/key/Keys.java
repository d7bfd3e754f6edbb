package io.harbinger.auth.key;

import io.harbinger.schema.auth.Role;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Creating and revoking keys, shared by the CLI and the admin endpoints: the new key's token exists only in
 * what {@link #create} returns; the store gets its hash.
 */
public final class Keys {
    private final KeyStore store;
    private final RandomGenerator random;
    private final Clock clock;

    /** @param random a cryptographically strong generator ({@link java.security.SecureRandom}) */
    public Keys(KeyStore store, RandomGenerator random, Clock clock) {
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    /** A key just made: the token, to be shown once, and what was stored. */
    public record Issued(ApiKey key, StoredKey stored) {
    }

    public Issued create(String tenant, Set<Role> roles) {
        ApiKey key = ApiKey.generate(random);
        StoredKey stored = new StoredKey(key.id(), tenant, roles, key.hash(), clock.instant(), Optional.empty());
        store.insert(stored);
        return new Issued(key, stored);
    }

    /** @return the key as revoked, or empty when there is none with that id */
    public Optional<StoredKey> revoke(String id) {
        return store.revoke(id, clock.instant());
    }

    public KeyStore store() {
        return store;
    }
}
