package io.harbinger.api.port;

import java.util.function.BooleanSupplier;

/** One part of a node that must be working for it to be ready ({@code GET /ready}), e.g. ingest, processor, storage. */
public record Readiness(String name, BooleanSupplier check) {
    public Readiness {
        if (name == null || name.isBlank() || check == null) throw new IllegalArgumentException("a readiness check needs a name and a check");
    }
}
