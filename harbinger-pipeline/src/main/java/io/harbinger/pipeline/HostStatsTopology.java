package io.harbinger.pipeline;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The stream processing, as one pure function: it only describes the topology, nothing is started.
 *
 * <pre>
 * samples topic ──▶ host-state-update (store "host-state": HostState per routing key) ──▶ accepted batches
 * </pre>
 *
 * Each record is one request's points for one partition (one host or several, each host's points
 * together). Its fingerprint is looked up in each host's ring of the last 64 fingerprints: a hit is a
 * client retry and is dropped and counted, so a client that
 * retries does not duplicate anything downstream. A record that is not a batch is skipped and
 * counted by the same step (a key that does not deserialize, by the handler {@link Pipeline} configures).
 */
public final class HostStatsTopology {
    public static final String STORE = "host-state";

    private HostStatsTopology() {}

    /**
     * Adds the host-state processing of {@code samplesTopic} to {@code builder}.
     *
     * @return the stream of accepted (non-retry) batches, keyed by routing key, still encoded
     *         ({@link io.harbinger.schema.wire.PointBatchCodec#decode} them where points are needed)
     */
    public static KStream<String, byte[]> build(StreamsBuilder builder, String samplesTopic) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), new HostStateSerde()));
        return builder.stream(samplesTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("samples"))
                .process(HostStateProcessor::new, Named.as("host-state-update"), STORE);
    }
}
