package io.harbinger.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Skips a record that does not deserialize, counts it and logs where it is (the first ten, then
 * every thousandth, so a flood of garbage cannot flood the log): bad input never stops the stream.
 * Streams instantiates it by class name; the counter arrives through {@link #COUNTER_CONFIG}.
 */
public final class LogAndCountDeserializationHandler implements DeserializationExceptionHandler {
    static final String COUNTER_CONFIG = "harbinger.corrupt.records.counter";
    private static final Logger LOG = LoggerFactory.getLogger(LogAndCountDeserializationHandler.class);

    private CorruptRecords counter = new CorruptRecords();

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(COUNTER_CONFIG) instanceof CorruptRecords shared) counter = shared;
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        long n = counter.increment();
        if (n <= 10 || n % 1000 == 0) {
            LOG.warn("Skipped corrupt record #{} at {}-{} offset {}: {}", n, context.topic(), context.partition(), context.offset(),
                    exception.getMessage());
        }
        return DeserializationHandlerResponse.CONTINUE;
    }
}
