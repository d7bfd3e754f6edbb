package io.harbinger.store.load;

import io.harbinger.schema.topic.Topics;
import io.harbinger.store.rows.CopyFormat;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the {@link StoreLoader}, validated at construction with a message naming the setting.
 *
 * @param bootstrapServers Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}
 * @param topics           the topic names
 * @param feed             which topic is stored, mapped how: {@link Feed#SAMPLES} or {@link Feed#PREDICTIONS};
 *                         the consumer group is {@code <prefix><feed's loader name>}
 * @param maxBatchRows     a batch is written once it holds this many rows (all shards together)
 * @param maxBatchLatency  ... or once its oldest record waited this long
 * @param maxPollRecords   Kafka records per poll (each holds up to 1,024 points)
 * @param backoffInitial   first wait after a failed write; doubles per failure ...
 * @param backoffMax       ... up to this
 * @param lagInterval      how often the lag metric asks the broker for the log end offsets
 * @param format           COPY format
 * @param mode             how duplicates are skipped
 * @param consumerProps    extra consumer settings (override the loader's; group, isolation and
 *                         auto-commit are forced)
 */
public record LoaderConfig(String bootstrapServers, Topics topics, Feed feed, int maxBatchRows, Duration maxBatchLatency,
                              int maxPollRecords, Duration backoffInitial, Duration backoffMax, Duration lagInterval,
                              CopyFormat format, WriteMode mode, Map<String, Object> consumerProps) {
    public LoaderConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must be non-empty, e.g. 127.0.0.1:9092");
        }
        if (topics == null) throw new IllegalArgumentException("topics must be non-null");
        if (feed == null) throw new IllegalArgumentException("feed must be non-null (SAMPLES or PREDICTIONS)");
        if (maxBatchRows < 1) throw new IllegalArgumentException("maxBatchRows must be >= 1, was " + maxBatchRows);
        if (maxPollRecords < 1) throw new IllegalArgumentException("maxPollRecords must be >= 1, was " + maxPollRecords);
        requirePositive(maxBatchLatency, "maxBatchLatency");
        requirePositive(backoffInitial, "backoffInitial");
        requirePositive(backoffMax, "backoffMax");
        requirePositive(lagInterval, "lagInterval");
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax (" + backoffMax + ") must be >= backoffInitial (" + backoffInitial + ")");
        }
        if (format == null) throw new IllegalArgumentException("format must be non-null (TEXT or BINARY)");
        if (mode == null) throw new IllegalArgumentException("mode must be non-null (STAGED or OPTIMISTIC)");
        consumerProps = Map.copyOf(consumerProps == null ? Map.of() : consumerProps);
    }

    /**
     * 20,000 rows or 200 ms per batch (plus at most one poll), 16 records per poll (a record holds up to
     * 1,024 points: 16 bound what one poll decodes to ~16k points, a few MiB of heap), back-off 100 ms doubling to 30 s, lag
     * every 5 s, binary COPY, optimistic writes; the samples topic ({@link Feed#SAMPLES}), group {@code <prefix>samples-loader}.
     */
    public static LoaderConfig defaults(String bootstrapServers, Topics topics) {
        return of(bootstrapServers, topics, Feed.SAMPLES);
    }

    /** As {@link #defaults}, for the predictions topic ({@link Feed#PREDICTIONS}), group {@code <prefix>predictions-loader}. */
    public static LoaderConfig predictions(String bootstrapServers, Topics topics) {
        return of(bootstrapServers, topics, Feed.PREDICTIONS);
    }

    private static LoaderConfig of(String bootstrapServers, Topics topics, Feed feed) {
        return new LoaderConfig(bootstrapServers, topics, feed, 20_000, Duration.ofMillis(200), 16,
                Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(5), CopyFormat.BINARY, WriteMode.OPTIMISTIC, Map.of());
    }

    public String group() {
        return topics.prefix() + feed.loaderName();
    }

    /** The topic this loader stores. */
    public String topic() {
        return feed.topic(topics);
    }

    public LoaderConfig withBatch(int rows, Duration latency) {
        return new LoaderConfig(bootstrapServers, topics, feed, rows, latency, maxPollRecords, backoffInitial, backoffMax, lagInterval, format, mode, consumerProps);
    }

    public LoaderConfig withBackoff(Duration initial, Duration max) {
        return new LoaderConfig(bootstrapServers, topics, feed, maxBatchRows, maxBatchLatency, maxPollRecords, initial, max, lagInterval, format, mode, consumerProps);
    }

    public LoaderConfig withWrites(CopyFormat format, WriteMode mode) {
        return new LoaderConfig(bootstrapServers, topics, feed, maxBatchRows, maxBatchLatency, maxPollRecords, backoffInitial, backoffMax, lagInterval, format, mode, consumerProps);
    }

    public LoaderConfig withLagInterval(Duration interval) {
        return new LoaderConfig(bootstrapServers, topics, feed, maxBatchRows, maxBatchLatency, maxPollRecords, backoffInitial, backoffMax, interval, format, mode, consumerProps);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
    }
}
