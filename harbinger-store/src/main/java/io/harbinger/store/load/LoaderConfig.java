package io.harbinger.store.load;

import io.harbinger.core.config.Rule;
import io.harbinger.core.config.Setting;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.Settings;
import io.harbinger.schema.topic.Topics;
import io.harbinger.store.rows.CopyFormat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.harbinger.core.config.SettingType.DURATION;
import static io.harbinger.core.config.SettingType.INTEGER;
import static io.harbinger.core.config.SettingType.choice;

/**
 * Settings of the {@link StoreLoader}, validated at construction with a message naming the setting.
 * The tunable ones are declared once below ({@link #SETTINGS}, the {@code --loader-*} options; both
 * loaders of a node take the same values); {@link #from} builds the config from their validated values.
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
    private static final Rule<Duration> POSITIVE = Rule.atLeast(Duration.ofMillis(1));

    public static final Setting<Integer> BATCH_ROWS = Setting.of("loader-batch-rows", INTEGER, 20_000).must(Rule.atLeast(1))
            .env("HARBINGER_LOADER_BATCH_ROWS").description("A batch is written to PostgreSQL once it holds this many rows (all shards together).");
    public static final Setting<Duration> BATCH_LATENCY = Setting.of("loader-batch-latency", DURATION, Duration.ofMillis(200)).must(POSITIVE)
            .env("HARBINGER_LOADER_BATCH_LATENCY").description("A batch is written once its oldest record waited this long, however few rows it holds.");
    /** 16: a record holds up to 1,024 points, so one poll decodes to at most ~16k points, a few MiB of heap. */
    public static final Setting<Integer> POLL_RECORDS = Setting.of("loader-poll-records", INTEGER, 16).must(Rule.atLeast(1))
            .env("HARBINGER_LOADER_POLL_RECORDS").description("Kafka records per poll (each holds up to 1,024 points).");
    public static final Setting<Duration> BACKOFF_INITIAL = Setting.of("loader-backoff-initial", DURATION, Duration.ofMillis(100)).must(POSITIVE)
            .env("HARBINGER_LOADER_BACKOFF_INITIAL").description("First wait after a failed write; doubles per failure up to --loader-backoff-max.");
    public static final Setting<Duration> BACKOFF_MAX = Setting.of("loader-backoff-max", DURATION, Duration.ofSeconds(30)).must(POSITIVE)
            .env("HARBINGER_LOADER_BACKOFF_MAX").description("Longest wait between retries of a failed write.");
    public static final Setting<Duration> LAG_INTERVAL = Setting.of("loader-lag-interval", DURATION, Duration.ofSeconds(5)).must(POSITIVE)
            .env("HARBINGER_LOADER_LAG_INTERVAL").description("How often the loaders' lag metric asks the broker for the log end offsets.");
    public static final Setting<CopyFormat> COPY_FORMAT = Setting.of("loader-copy-format", choice(CopyFormat.class), CopyFormat.BINARY)
            .env("HARBINGER_LOADER_COPY_FORMAT").description("COPY format: binary (no parsing of numbers and timestamps on the server) or text.");
    public static final Setting<WriteMode> WRITE_MODE = Setting.of("loader-write-mode", choice(WriteMode.class), WriteMode.OPTIMISTIC)
            .env("HARBINGER_LOADER_WRITE_MODE")
            .description("How duplicates are skipped: optimistic (plain COPY, staged only when a batch meets one) or staged (always).");

    public static final SettingSet SETTINGS = SettingSet.of(BATCH_ROWS, BATCH_LATENCY, POLL_RECORDS, BACKOFF_INITIAL, BACKOFF_MAX,
                    LAG_INTERVAL, COPY_FORMAT, WRITE_MODE)
            .check(s -> backoffProblem(s.get(BACKOFF_INITIAL), s.get(BACKOFF_MAX)));

    public LoaderConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must be non-empty, e.g. 127.0.0.1:9092");
        }
        if (topics == null) throw new IllegalArgumentException("topics must be non-null");
        if (feed == null) throw new IllegalArgumentException("feed must be non-null (SAMPLES or PREDICTIONS)");
        BATCH_ROWS.require(maxBatchRows);
        BATCH_LATENCY.require(maxBatchLatency);
        POLL_RECORDS.require(maxPollRecords);
        BACKOFF_INITIAL.require(backoffInitial);
        BACKOFF_MAX.require(backoffMax);
        LAG_INTERVAL.require(lagInterval);
        COPY_FORMAT.require(format);
        WRITE_MODE.require(mode);
        backoffProblem(backoffInitial, backoffMax).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        consumerProps = Map.copyOf(consumerProps == null ? Map.of() : consumerProps);
    }

    /** The loader of {@code feed} with the values of {@code settings} (which must declare {@link #SETTINGS}). */
    public static LoaderConfig from(Settings settings, String bootstrapServers, Topics topics, Feed feed) {
        return new LoaderConfig(bootstrapServers, topics, feed, settings.get(BATCH_ROWS), settings.get(BATCH_LATENCY), settings.get(POLL_RECORDS),
                settings.get(BACKOFF_INITIAL), settings.get(BACKOFF_MAX), settings.get(LAG_INTERVAL), settings.get(COPY_FORMAT),
                settings.get(WRITE_MODE), Map.of());
    }

    /** This loader with {@code props} as its extra consumer settings (e.g. the node's group membership). */
    public LoaderConfig withConsumerProps(Map<String, Object> props) {
        return new LoaderConfig(bootstrapServers, topics, feed, maxBatchRows, maxBatchLatency, maxPollRecords, backoffInitial, backoffMax,
                lagInterval, format, mode, props);
    }

    /**
     * Every setting at its default: 20,000 rows or 200 ms per batch (plus at most one poll), 16 records per poll, back-off 100 ms
     * doubling to 30 s, lag every 5 s, binary COPY, optimistic writes; the samples topic ({@link Feed#SAMPLES}), group {@code <prefix>samples-loader}.
     */
    public static LoaderConfig defaults(String bootstrapServers, Topics topics) {
        return from(Settings.defaults(SETTINGS), bootstrapServers, topics, Feed.SAMPLES);
    }

    /** As {@link #defaults}, for the predictions topic ({@link Feed#PREDICTIONS}), group {@code <prefix>predictions-loader}. */
    public static LoaderConfig predictions(String bootstrapServers, Topics topics) {
        return from(Settings.defaults(SETTINGS), bootstrapServers, topics, Feed.PREDICTIONS);
    }

    public String group() {
        return topics.prefix() + feed.loaderName();
    }

    /** The topic this loader stores. */
    public String topic() {
        return feed.topic(topics);
    }

    /** A cap below the first wait: the back-off could never double. */
    private static Optional<String> backoffProblem(Duration initial, Duration max) {
        if (max.compareTo(initial) >= 0) return Optional.empty();
        return Optional.of(BACKOFF_MAX.flag() + " (" + BACKOFF_MAX.show(max) + ") must be at least " + BACKOFF_INITIAL.flag()
                + " (" + BACKOFF_INITIAL.show(initial) + ")");
    }
}
