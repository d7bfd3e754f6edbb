package io.harbinger.pipeline;

import java.util.concurrent.atomic.LongAdder;

/** The count of samples-topic records skipped because they did not decode, shared with the handler through the Streams config. */
final class CorruptRecords {
    private final LongAdder count = new LongAdder();

    long increment() {
        count.increment();
        return count.sum();
    }

    long count() {
        return count.sum();
    }
}
