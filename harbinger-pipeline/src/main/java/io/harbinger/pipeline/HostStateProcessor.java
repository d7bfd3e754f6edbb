package io.harbinger.pipeline;

import io.harbinger.pipeline.wire.PointBatch;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Updates the sending host's state with one record (one store get and one put) and forwards the
 * batch downstream unless it is a client retry, which is dropped and counted.
 */
final class HostStateProcessor implements Processor<String, PointBatch, String, PointBatch> {
    private ProcessorContext<String, PointBatch> context;
    private KeyValueStore<String, HostState> store;

    @Override
    public void init(ProcessorContext<String, PointBatch> context) {
        this.context = context;
        this.store = context.getStateStore(HostStatsTopology.STORE);
    }

    @Override
    public void process(Record<String, PointBatch> record) {
        PointBatch batch = record.value();
        String key = batch.routingKey();
        HostState state = store.get(key);
        if (state == null) state = HostState.first(batch.points().getFirst().region(), batch.points().getFirst().host());
        if (state.isRetry(batch)) {
            store.put(key, state.duplicate(record.timestamp()));
            return;
        }
        store.put(key, state.accept(batch, record.timestamp()));
        context.forward(record);
    }
}
