package io.harbinger.store.load;

import io.harbinger.schema.prediction.Bucket;
import io.harbinger.store.PartitionedTable;
import io.harbinger.store.rows.PredictionRow;
import io.harbinger.store.rows.Row;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loader's meters, all named {@code harbinger.store.loader.*} and tagged {@code loader} with the feed's
 * loader name ({@code samples-loader}, {@code predictions-loader}): two loaders can share a registry.
 */
final class LoaderMetrics {
    private final Map<PartitionedTable, Counter> rows = new EnumMap<>(PartitionedTable.class);
    private final Map<ErrorKind, Counter> errors = new EnumMap<>(ErrorKind.class);
    /** By bucket label; empty unless the feed stores predictions. */
    private final Map<String, Counter> predictions = new HashMap<>();
    private final Counter duplicates;
    private final Counter refused;
    private final Counter corrupt;
    private final Counter fenced;
    private final Counter listenerErrors;
    private final Timer batchLatency;
    private final Timer recordAge;
    final AtomicLong lag = new AtomicLong();
    final AtomicLong paused = new AtomicLong();

    LoaderMetrics(MeterRegistry registry, Feed feed) {
        String loader = feed.loaderName();
        for (PartitionedTable table : feed.tables()) {
            rows.put(table, Counter.builder("harbinger.store.loader.rows").tag("loader", loader).tag("table", table.tableName())
                    .description("Rows inserted (committed with their offsets)").register(registry));
        }
        if (feed.tables().contains(PartitionedTable.PREDICTIONS)) {
            for (Bucket bucket : Bucket.values()) {
                predictions.put(bucket.label(), Counter.builder("harbinger.store.loader.predictions").tag("loader", loader).tag("bucket", bucket.label())
                        .description("Predictions in batches committed to PostgreSQL, by bucket").register(registry));
            }
        }
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind, Counter.builder("harbinger.store.loader.errors").tag("loader", loader).tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Failed batch writes by kind").register(registry));
        }
        duplicates = Counter.builder("harbinger.store.loader.duplicates").tag("loader", loader).description("Rows skipped because they were stored already").register(registry);
        refused = Counter.builder("harbinger.store.loader.refused").tag("loader", loader).description("Rows skipped because PostgreSQL refused their data").register(registry);
        corrupt = Counter.builder("harbinger.store.loader.corrupt").tag("loader", loader).description("Kafka records skipped because they did not decode").register(registry);
        fenced = Counter.builder("harbinger.store.loader.fenced").tag("loader", loader).description("Batches dropped because another consumer moved the offsets").register(registry);
        listenerErrors = Counter.builder("harbinger.store.loader.listener.errors").tag("loader", loader)
                .description("Commits whose listener (the cache invalidation publisher) failed").register(registry);
        batchLatency = Timer.builder("harbinger.store.loader.batch.latency").tag("loader", loader).description("Time to write one shard's batch and its offsets")
                .publishPercentileHistogram().register(registry);
        recordAge = Timer.builder("harbinger.store.loader.record.age").tag("loader", loader)
                .description("From a record's Kafka timestamp to the commit of its rows. Ingest's records carry the time ingest sent them and the "
                        + "processor keeps it on what it derives, so for the predictions loader this is sample acknowledged -> prediction stored")
                .publishPercentileHistogram().minimumExpectedValue(java.time.Duration.ofMillis(1)).maximumExpectedValue(java.time.Duration.ofMinutes(10))
                .register(registry);
        Gauge.builder("harbinger.store.loader.lag", lag, AtomicLong::get).tag("loader", loader)
                .description("Records not yet stored, behind the log end, summed over the assigned partitions").register(registry);
        Gauge.builder("harbinger.store.loader.paused", paused, AtomicLong::get).tag("loader", loader)
                .description("1 while the loader waits to retry a failed write").register(registry);
    }

    void written(ShardWriter.Written written, long nanos) {
        written.inserted().forEach((table, n) -> rows.get(table).increment(n));
        duplicates.increment(written.duplicates());
        refused.increment(written.refused());
        batchLatency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * A batch was committed at {@code nowMillis} (wall clock): the age of each record it held, and its
     * predictions under their buckets.
     */
    void committed(ShardBatch batch, long nowMillis) {
        for (long t : batch.recordTimestamps()) recordAge.record(Math.max(0, nowMillis - t), java.util.concurrent.TimeUnit.MILLISECONDS);
        List<Row> stored = batch.rows().get(PartitionedTable.PREDICTIONS);
        if (stored == null) return;
        for (Row row : stored) {
            Counter c = row instanceof PredictionRow p ? predictions.get(p.bucket()) : null;
            if (c != null) c.increment();
        }
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

    void listenerError() {
        listenerErrors.increment();
    }
}
