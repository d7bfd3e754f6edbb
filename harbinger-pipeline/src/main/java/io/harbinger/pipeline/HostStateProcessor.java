package io.harbinger.pipeline;

import io.harbinger.pipeline.wire.BatchSummary;
import io.harbinger.pipeline.wire.PointBatchCodec;
import io.harbinger.pipeline.wire.SummaryResult;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Updates the sending host's state with one record (one store get and one put) and forwards the
 * record's bytes downstream unless it is a client retry, which is dropped and counted. It reads only
 * the batch's summary (counts, host, newest timestamp): later steps decode the points they need.
 * A value that is not a batch is skipped and counted, never fatal.
 */
final class HostStateProcessor implements Processor<String, byte[], String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(HostStateProcessor.class);

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, HostState> store;
    private CorruptRecords corrupt = new CorruptRecords();

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(HostStatsTopology.STORE);
        if (context.appConfigs().get(LogAndCountDeserializationHandler.COUNTER_CONFIG) instanceof CorruptRecords shared) corrupt = shared;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        switch (PointBatchCodec.summarize(record.value())) {
            case BatchSummary batch -> update(batch, record);
            case SummaryResult.Corrupt c -> skip(c, record);
        }
    }

    private void update(BatchSummary batch, Record<String, byte[]> record) {
        String key = record.key();
        HostState state = store.get(key);
        if (state == null) state = HostState.first(batch.region(), batch.host());
        if (state.isRetry(batch)) {
            store.put(key, state.duplicate(record.timestamp()));
            return;
        }
        store.put(key, state.accept(batch, record.timestamp()));
        context.forward(record);
    }

    private void skip(SummaryResult.Corrupt corruptValue, Record<String, byte[]> record) {
        long n = corrupt.increment();
        if (n <= 10 || n % 1000 == 0) {
            LOG.warn("Skipped corrupt record #{} (key {}): {}", n, record.key(), corruptValue.detail());
        }
    }
}
