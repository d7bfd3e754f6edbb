package io.harbinger.store.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {
    private final AtomicLong now = new AtomicLong(5_000);
    private final RetrySchedule retries = new RetrySchedule(now::get, new Backoff(Duration.ofNanos(100), Duration.ofNanos(350)));

    @Test
    void beforeAnyFailure_nothingWaits() {
        assertThat(retries.waiting()).isFalse();
        assertThat(retries.failing()).isFalse();
        assertThat(retries.failedSinceSuccess()).isFalse();
    }

    @Test
    void aFailedWrite_waitsTheBackoff_doublingUpToTheCap() {
        retries.writeFailed();
        assertThat(retries.failing()).isTrue();
        now.addAndGet(99);
        assertThat(retries.waiting()).isTrue();
        now.addAndGet(1);
        assertThat(retries.waiting()).isFalse();

        retries.writeFailed(); // 200
        now.addAndGet(199);
        assertThat(retries.waiting()).isTrue();
        now.addAndGet(1);
        assertThat(retries.waiting()).isFalse();

        retries.writeFailed(); // 400, capped at 350
        now.addAndGet(350);
        assertThat(retries.waiting()).isFalse();
        assertThat(retries.failures()).isEqualTo(3);
    }

    @Test
    void aFailedRead_waitsButKeepsNoBatch() {
        retries.deferred();

        assertThat(retries.waiting()).isTrue();
        assertThat(retries.failing()).isFalse();
        assertThat(retries.failedSinceSuccess()).isTrue();
    }

    @Test
    void success_startsTheBackoffOver() {
        retries.writeFailed();
        retries.writeFailed();

        retries.succeeded();

        assertThat(retries.failing()).isFalse();
        assertThat(retries.waiting()).isFalse();
        assertThat(retries.failedSinceSuccess()).isFalse();
        retries.writeFailed();
        now.addAndGet(100);
        assertThat(retries.waiting()).as("the first wait again, not the third").isFalse();
    }

    @Test
    void aDroppedBatch_isNoLongerFailing_butTheWaitStands() {
        retries.writeFailed();

        retries.batchDropped();

        assertThat(retries.failing()).isFalse();
        assertThat(retries.waiting()).isTrue();
    }
}
