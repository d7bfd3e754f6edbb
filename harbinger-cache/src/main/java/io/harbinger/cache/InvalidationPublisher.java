package io.harbinger.cache;

import io.harbinger.core.point.Point;
import io.harbinger.schema.cache.ChangedKey;
import io.harbinger.schema.cache.Invalidation;
import io.harbinger.schema.topic.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a loader committed to the invalidations topic, one record per {@link Invalidation#MAX_KEYS}
 * keys, stamped with the commit's time (this node's clock, right after the commit returned). Sends without
 * waiting: the loader's thread is not held up; a record that cannot be written is logged and counted
 * (the answers it would have evicted live until the TTL).
 */
final class InvalidationPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidationPublisher.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final Topic<String, Invalidation> topic;
    private final Clock clock;
    private final CacheMetrics metrics;

    InvalidationPublisher(CacheConfig config, Clock clock, CacheMetrics metrics) {
        Map<String, Object> props = new HashMap<>(config.clientProps());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "harbinger-cache-invalidations");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0); // the delay of an invalidation is the staleness of the cache
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(5).toMillis());
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = config.topics().cacheInvalidations();
        this.clock = clock;
        this.metrics = metrics;
    }

    void publish(Invalidation.Source source, Collection<ChangedKey> keys) {
        if (keys.isEmpty()) return;
        List<ChangedKey> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += Invalidation.MAX_KEYS) {
            List<ChangedKey> part = all.subList(i, Math.min(all.size(), i + Invalidation.MAX_KEYS));
            Invalidation record = new Invalidation(clock.instant(), source, part);
            ChangedKey first = part.getFirst();
            producer.send(new ProducerRecord<>(topic.name(), topic.keys().encode(Point.routingKey(first.region(), first.host())), topic.values().encode(record)),
                    (meta, error) -> {
                        if (error == null) {
                            metrics.published.increment();
                        } else {
                            metrics.publishErrors.increment();
                            LOG.warn("an invalidation of {} keys was not published (cached answers may stay until their TTL): {}", part.size(), error.getMessage());
                        }
                    });
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
