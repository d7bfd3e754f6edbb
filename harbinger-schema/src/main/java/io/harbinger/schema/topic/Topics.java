package io.harbinger.schema.topic;

import io.harbinger.schema.cache.Invalidation;
import io.harbinger.schema.cache.InvalidationCodec;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.schema.wire.PointBatchCodec;
import io.harbinger.schema.wire.PredictionBatchCodec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The topics Harbinger owns, with their typed keys and values, all named {@code <prefix><name>} so
 * that several deployments (or tests) can share a cluster.
 *
 * <ul>
 *   <li>{@link #samples()}: what ingest accepted, one record per request and partition, keyed by the
 *       routing key of the request's first host there ({@link PointBatch}; a record may hold several
 *       hosts of one partition).</li>
 *   <li>{@link #predictions()}: what the processor derives from disk samples, one record per samples
 *       record with at least one scored drive sample, under the same key ({@link PredictionBatch}).</li>
 *   <li>{@link #cacheInvalidations()}: what the loaders committed to PostgreSQL, one record per committed
 *       transaction (or part of one), keyed by the routing key of its first changed host ({@link Invalidation});
 *       every API node reads all of it to evict its cached answers.</li>
 * </ul>
 *
 * @param prefix prepended to every topic name, e.g. {@code harbinger.}; may be empty
 */
public record Topics(String prefix) {
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");
    public static final String DEFAULT_PREFIX = "harbinger.";
    /** Declared after the constants the constructor uses. */
    public static final Topics DEFAULT = new Topics(DEFAULT_PREFIX);

    public Topics {
        if (prefix == null) throw new IllegalArgumentException("topic prefix must be non-null (empty for none)");
        if (!LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException("topic prefix '" + prefix + "' may contain only ASCII letters, digits, '.', '_' and '-'");
        }
        if (prefix.length() > 200) throw new IllegalArgumentException("topic prefix is " + prefix.length() + " characters long; at most 200 leave room for topic names");
    }

    /** Whether {@code prefix} would be accepted: at most 200 ASCII letters, digits, '.', '_' or '-'. */
    public static boolean isLegalPrefix(String prefix) {
        return prefix != null && LEGAL.matcher(prefix).matches() && prefix.length() <= 200;
    }

    public Topic<String, PointBatch> samples() {
        return new Topic<>(prefix + "samples", RoutingKeys.CODEC, PointBatchCodec.CODEC);
    }

    public Topic<String, PredictionBatch> predictions() {
        return new Topic<>(prefix + "predictions", RoutingKeys.CODEC, PredictionBatchCodec.CODEC);
    }

    public Topic<String, Invalidation> cacheInvalidations() {
        return new Topic<>(prefix + "cache-invalidations", RoutingKeys.CODEC, InvalidationCodec.CODEC);
    }

    /** Every topic's name. */
    public List<String> names() {
        return List.of(samples().name(), predictions().name(), cacheInvalidations().name());
    }
}
