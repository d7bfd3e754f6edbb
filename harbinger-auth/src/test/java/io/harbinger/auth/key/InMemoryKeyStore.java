package io.harbinger.auth.key;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A key store in a map, counting how often it was asked for a key. */
public final class InMemoryKeyStore implements KeyStore {
    private final Map<String, StoredKey> keys = new ConcurrentHashMap<>();
    public final AtomicInteger finds = new AtomicInteger();

    @Override
    public Optional<StoredKey> find(String id) {
        finds.incrementAndGet();
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public void insert(StoredKey key) {
        if (keys.putIfAbsent(key.id(), key) != null) throw new IllegalStateException("key " + key.id() + " exists");
    }

    @Override
    public List<StoredKey> list(Optional<String> tenant) {
        return new ArrayList<>(keys.values().stream().filter(k -> tenant.map(k.tenant()::equals).orElse(true)).toList());
    }

    @Override
    public Optional<StoredKey> revoke(String id, Instant at) {
        return Optional.ofNullable(keys.computeIfPresent(id, (i, k) -> k.isRevoked() ? k
                : new StoredKey(k.id(), k.tenant(), k.roles(), k.hash(), k.created(), Optional.of(at))));
    }
}
