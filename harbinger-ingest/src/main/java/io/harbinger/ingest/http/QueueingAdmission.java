package io.harbinger.ingest.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission by waiting time, the half of overload the {@link InFlightBudget} cannot see. The budget
 * bounds the bytes held; but a node short of CPU holds few bytes per request while each waits
 * seconds, so without this, load beyond capacity is answered by ever longer waits until clients time
 * out and send everything again. This sheds instead, by CoDel's test for a standing queue: if even
 * the quickest request that finished over the last interval took longer than the target (from the
 * server reading its headers to its answer), the queue is not a burst passing through, and new
 * requests get 429 until an interval passes whose quickest request was within the target, or until
 * nothing admitted is left in flight. A request that has already waited longer than the target
 * before it is looked at is refused as well: its client is better served by retrying than by waiting.
 * So are all requests while new threads wait longer than the target to run ({@link ThreadWait}): that
 * wait comes before the server reads a request, where no timestamp of the request can see it.
 *
 * <p>Bounds, not guarantees: requests admitted just before shedding starts still finish, so the
 * longest answer is about the target plus two intervals of queued work. Lock-free; times in
 * milliseconds of one clock, given by the caller.
 */
final class QueueingAdmission {
    private final long targetMillis;
    private final long intervalMillis;
    private final AtomicLong intervalStart;
    private final AtomicLong quickest = new AtomicLong(Long.MAX_VALUE);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean shedding;
    private volatile long lastQuickest;

    QueueingAdmission(long targetMillis, long intervalMillis, long nowMillis) {
        if (targetMillis <= 0) throw new IllegalArgumentException("targetMillis must be > 0, got " + targetMillis);
        if (intervalMillis <= 0) throw new IllegalArgumentException("intervalMillis must be > 0, got " + intervalMillis);
        this.targetMillis = targetMillis;
        this.intervalMillis = intervalMillis;
        this.intervalStart = new AtomicLong(nowMillis);
    }

    /**
     * Whether a request that arrived at {@code arrivedMillis} may go on, while new threads wait
     * {@code threadWaitMillis} to run; if so, it is in flight until {@link #finished}.
     */
    boolean admit(long arrivedMillis, long nowMillis, long threadWaitMillis) {
        roll(nowMillis);
        if (shedding && inFlight.get() == 0) shedding = false; // the queue drained: nothing left to wait behind
        if (shedding || nowMillis - arrivedMillis > targetMillis || threadWaitMillis > targetMillis) return false;
        inFlight.incrementAndGet();
        return true;
    }

    /**
     * An admitted request that arrived at {@code arrivedMillis} was answered at {@code nowMillis}. Only a
     * {@code served} one tells how long the queue is: one refused at once for another reason (the byte
     * budget) was quick without having waited its turn.
     */
    void finished(long arrivedMillis, long nowMillis, boolean served) {
        inFlight.decrementAndGet();
        if (served) quickest.accumulateAndGet(Math.max(0, nowMillis - arrivedMillis), Math::min);
        roll(nowMillis);
    }

    /** Ends the interval once it is over: its quickest request decides whether the next one sheds. */
    private void roll(long nowMillis) {
        long start = intervalStart.get();
        if (nowMillis - start < intervalMillis || !intervalStart.compareAndSet(start, nowMillis)) return;
        long best = quickest.getAndSet(Long.MAX_VALUE);
        if (best != Long.MAX_VALUE) {
            lastQuickest = best;
            shedding = best > targetMillis;
        } else if (inFlight.get() == 0) {
            shedding = false;
        } // nothing finished while requests are in flight: the last verdict stands
    }

    boolean shedding() {
        return shedding;
    }

    /** The quickest answer of the last interval that had one, in milliseconds (0 before any). */
    long lastQuickestMillis() {
        return lastQuickest;
    }

    long targetMillis() {
        return targetMillis;
    }

    long intervalMillis() {
        return intervalMillis;
    }
}
