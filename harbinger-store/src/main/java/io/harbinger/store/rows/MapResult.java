package io.harbinger.store.rows;

/** What a sink's mapping made of one point: a row to store, or a refusal saying why not. */
public sealed interface MapResult {
    record Mapped(Row row) implements MapResult {
        public Mapped {
            if (row == null) throw new IllegalArgumentException("row must be non-null");
        }
    }

    /** The point is not stored; the sink skips and counts it. */
    record Refused(String reason) implements MapResult {
    }
}
