package io.harbinger.pipeline;

import java.util.concurrent.atomic.LongAdder;

/** What the scoring step counts beside its output, shared by the processors of every task of a node. */
public final class ScoringCounters {
    private final LongAdder coalesced = new LongAdder();

    void coalesced(long samples) {
        coalesced.add(samples);
    }

    /** Disk samples not judged because they repeated their drive's last judged sample of the day ({@link DriveDayGate}). */
    public long coalesced() {
        return coalesced.sum();
    }
}
