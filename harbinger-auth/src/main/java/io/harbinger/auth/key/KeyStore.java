package io.harbinger.auth.key;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where keys are kept (the control database, shared by every node of a cluster). */
public interface KeyStore {
    Optional<StoredKey> find(String id);

    /** Adds {@code key}; its id must be new. */
    void insert(StoredKey key);

    /** Every key, revoked ones too, oldest first; of {@code tenant} only when given. */
    List<StoredKey> list(Optional<String> tenant);

    /** Marks the key revoked at {@code at} (a key already revoked keeps its first time); empty when there is no such key. */
    Optional<StoredKey> revoke(String id, Instant at);
}
