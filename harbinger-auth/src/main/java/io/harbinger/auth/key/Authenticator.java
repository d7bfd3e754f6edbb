package io.harbinger.auth.key;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Optional;

/**
 * Verifies presented keys against the store through a small cache of what the store said about each key id
 * (found, revoked or unknown), kept at most {@code ttl}: a key revoked on any node is refused everywhere
 * within {@code ttl}, and a client sending many requests costs the store one read per {@code ttl}, not one
 * per request. The hash is compared on every request, in constant time; the cache holds no token.
 */
public final class Authenticator {
    /** Key ids remembered at once; a flood of made-up ids evicts, it does not grow the heap. */
    static final int MAX_KEYS = 10_000;

    private final LoadingCache<String, Optional<StoredKey>> byId;

    /** @param ticker the cache's time (tests move it by hand) */
    public Authenticator(KeyStore store, Duration ttl, Ticker ticker) {
        this.byId = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(ttl).ticker(ticker).build(store::find);
    }

    public Verdict verify(Presented presented) {
        return switch (presented) {
            case Presented.Absent a -> new Verdict.Refused(Verdict.Reason.MISSING,
                    "no API key: send Authorization: Bearer <key> (or Token <key>, Basic with the key as password, ?p=<key>)");
            case Presented.Malformed m -> new Verdict.Refused(Verdict.Reason.MALFORMED, m.reason());
            case Presented.Key k -> verify(k.key());
        };
    }

    private Verdict verify(ApiKey key) {
        Optional<StoredKey> stored = byId.get(key.id());
        if (stored.isEmpty() || !key.matches(stored.get().hash())) {
            return new Verdict.Refused(Verdict.Reason.UNKNOWN, "key " + key.id() + " is not a key of this deployment");
        }
        if (stored.get().isRevoked()) {
            return new Verdict.Refused(Verdict.Reason.REVOKED, "key " + key.id() + " was revoked at " + stored.get().revoked().get());
        }
        return new Verdict.Authenticated(stored.get().principal());
    }

    /** Forgets what the store said about {@code id}: this node's own revocations apply at once. */
    public void forget(String id) {
        byId.invalidate(id);
    }
}
