package io.harbinger.schema.read;

import java.util.Map;

/** Rows stored per table, over every shard (a full count: for operators, tests and benchmarks), in a stable table order. */
public record StoredRows(Map<String, Long> tables) {
    public StoredRows {
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables)); // in the order given
    }

    /** The rows ingest stored (samples and metrics), not the tables derived from them. */
    public long ingested() {
        return tables.getOrDefault("disk_samples", 0L) + tables.getOrDefault("host_metrics", 0L);
    }
}
