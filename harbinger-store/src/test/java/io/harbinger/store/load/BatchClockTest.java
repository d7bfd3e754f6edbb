package io.harbinger.store.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class BatchClockTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final BatchClock clock = new BatchClock(now::get, 10, Duration.ofNanos(200));

    @Test
    void nothingAccepted_isNeverDue() {
        now.addAndGet(1_000_000);

        assertThat(clock.hasPending()).isFalse();
        assertThat(clock.due()).isFalse();
    }

    @Test
    void aBatch_isDueAtTheRowBound() {
        clock.accepted(9);
        assertThat(clock.due()).isFalse();

        clock.accepted(1);

        assertThat(clock.due()).isTrue();
        assertThat(clock.rows()).isEqualTo(10);
    }

    @Test
    void aBatch_isDueWhenItsOldestRecordReachesTheLatencyBound_evenWithoutRows() {
        clock.accepted(0); // offsets to store, no rows
        now.addAndGet(150);
        clock.accepted(3); // does not restart the clock
        assertThat(clock.due()).isFalse();

        now.addAndGet(50);

        assertThat(clock.due()).isTrue();
    }

    @Test
    void flushed_withRowsLeft_keepsTheBatchOpen_withoutThem_closesIt() {
        clock.accepted(4);
        now.addAndGet(500);

        clock.flushed(4, false);
        assertThat(clock.hasPending()).isTrue();
        assertThat(clock.due()).as("the failed rows are still old").isTrue();

        clock.flushed(0, true);
        assertThat(clock.hasPending()).isFalse();
        clock.accepted(1);
        assertThat(clock.due()).as("a new batch starts its own clock").isFalse();
    }

    @Test
    void reset_dropsEverything() {
        clock.accepted(20);

        clock.reset();

        assertThat(clock.hasPending()).isFalse();
        assertThat(clock.rows()).isZero();
    }
}
