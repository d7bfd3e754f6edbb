package io.harbinger.pipeline;

import io.harbinger.schema.wire.BatchSummary;
import io.harbinger.schema.wire.BatchSummary.HostSummary;
import io.harbinger.schema.wire.PointBatchCodec;
import io.harbinger.schema.wire.SummaryResult;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Updates the state of every host in a record (one store get and one put per host) and forwards the
 * record's bytes downstream unless it is a client retry, which is dropped and counted. A record's
 * hosts were accepted together, so its first host's ring decides for all of them: a retry is all or
 * nothing. It reads only the batch's summary (per host: counts, newest timestamp); later steps decode
 * the points they need. A value that is not a batch is skipped and counted, never fatal.
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
        List<HostSummary> hosts = batch.hosts();
        HostState[] states = new HostState[hosts.size()];
        for (int i = 0; i < states.length; i++) {
            HostSummary h = hosts.get(i);
            HostState state = store.get(h.routingKey());
            states[i] = state != null ? state : HostState.first(h.region(), h.host());
        }
        boolean retry = states[0].isRetry(batch.fingerprint());
        for (int i = 0; i < states.length; i++) {
            HostState next = retry ? states[i].duplicate(record.timestamp())
                    : states[i].accept(hosts.get(i), batch.fingerprint(), record.timestamp());
            store.put(hosts.get(i).routingKey(), next);
        }
        if (!retry) context.forward(record);
    }

    private void skip(SummaryResult.Corrupt corruptValue, Record<String, byte[]> record) {
        long n = corrupt.increment();
        if (n <= 10 || n % 1000 == 0) {
            LOG.warn("Skipped corrupt record #{} (key {}): {}", n, record.key(), corruptValue.detail());
        }
    }
}
