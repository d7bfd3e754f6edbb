package io.harbinger.store.sink;

import io.harbinger.store.PartitionedTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sink's meters, all named {@code harbinger.store.sink.*} and tagged {@code sink} with the feed's
 * sink name ({@code store-sink}, {@code prediction-sink}): two sinks can share a registry.
 */
final class SinkMetrics {
    private final Map<PartitionedTable, Counter> rows = new EnumMap<>(PartitionedTable.class);
    private final Map<ErrorKind, Counter> errors = new EnumMap<>(ErrorKind.class);
    private final Counter duplicates;
    private final Counter refused;
    private final Counter corrupt;
    private final Counter fenced;
    private final Timer batchLatency;
    final AtomicLong lag = new AtomicLong();
    final AtomicLong paused = new AtomicLong();

    SinkMetrics(MeterRegistry registry, Feed feed) {
        String sink = feed.sinkName();
        for (PartitionedTable table : feed.tables()) {
            rows.put(table, Counter.builder("harbinger.store.sink.rows").tag("sink", sink).tag("table", table.tableName())
                    .description("Rows inserted (committed with their offsets)").register(registry));
        }
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind, Counter.builder("harbinger.store.sink.errors").tag("sink", sink).tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Failed batch writes by kind").register(registry));
        }
        duplicates = Counter.builder("harbinger.store.sink.duplicates").tag("sink", sink).description("Rows skipped because they were stored already").register(registry);
        refused = Counter.builder("harbinger.store.sink.refused").tag("sink", sink).description("Rows skipped because PostgreSQL refused their data").register(registry);
        corrupt = Counter.builder("harbinger.store.sink.corrupt").tag("sink", sink).description("Kafka records skipped because they did not decode").register(registry);
        fenced = Counter.builder("harbinger.store.sink.fenced").tag("sink", sink).description("Batches dropped because another consumer moved the offsets").register(registry);
        batchLatency = Timer.builder("harbinger.store.sink.batch.latency").tag("sink", sink).description("Time to write one shard's batch and its offsets")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("harbinger.store.sink.lag", lag, AtomicLong::get).tag("sink", sink)
                .description("Records not yet stored, behind the log end, summed over the assigned partitions").register(registry);
        Gauge.builder("harbinger.store.sink.paused", paused, AtomicLong::get).tag("sink", sink)
                .description("1 while the sink waits to retry a failed write").register(registry);
    }

    void written(ShardWriter.Written written, long nanos) {
        written.inserted().forEach((table, n) -> rows.get(table).increment(n));
        duplicates.increment(written.duplicates());
        refused.increment(written.refused());
        batchLatency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void error(ErrorKind kind) {
        errors.get(kind).increment();
    }

    void corrupt() {
        corrupt.increment();
    }

    void fenced() {
        fenced.increment();
    }
}
