package io.harbinger.ingest.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The standing-queue test on explicit times: target 100 ms, interval 1 s, starting at t = 0. */
class QueueingAdmissionTest {
    private final QueueingAdmission admission = new QueueingAdmission(100, 1000, 0);

    @Test
    void answersWithinTheTarget_keepAdmitting() {
        for (long t = 0; t < 5000; t += 50) {
            assertThat(admission.admit(t, t, 0)).isTrue();
            admission.finished(t, t + 80, true);
        }
        assertThat(admission.shedding()).isFalse();
        assertThat(admission.lastQuickestMillis()).isEqualTo(80);
    }

    @Test
    void aBurstWithOneQuickAnswer_isNotAStandingQueue() {
        assertThat(admission.admit(0, 0, 0)).isTrue();
        assertThat(admission.admit(10, 10, 0)).isTrue();
        admission.finished(0, 900, true); // slow
        admission.finished(10, 60, true); // but one within the target
        assertThat(admission.admit(1000, 1000, 0)).isTrue();
        assertThat(admission.shedding()).isFalse();
    }

    @Test
    void anIntervalWhoseQuickestAnswerWasTooSlow_shedsUntilTheQueueDrains() {
        assertThat(admission.admit(0, 0, 0)).isTrue();
        assertThat(admission.admit(0, 0, 0)).isTrue();
        assertThat(admission.admit(0, 0, 0)).isTrue();
        admission.finished(0, 400, true); // the quickest of the first second took 400 ms
        assertThat(admission.admit(1000, 1000, 0)).as("a standing queue: shed").isFalse();
        assertThat(admission.admit(1500, 1500, 0)).as("nothing finished since, two still in flight: the verdict stands").isFalse();
        admission.finished(0, 1600, true);
        assertThat(admission.admit(1700, 1700, 0)).as("one still in flight").isFalse();
        admission.finished(0, 1800, true);
        assertThat(admission.admit(1900, 1900, 0)).as("the queue drained: admit again").isTrue();
        assertThat(admission.shedding()).isFalse();
    }

    @Test
    void anIntervalWithAQuickAnswer_endsTheShedding() {
        assertThat(admission.admit(0, 0, 0)).isTrue();
        assertThat(admission.admit(0, 0, 0)).isTrue();
        admission.finished(0, 500, true);
        assertThat(admission.admit(1000, 1000, 0)).isFalse();
        admission.finished(0, 1200, true); // the last admitted one: in-flight is 0 again
        assertThat(admission.admit(1300, 1300, 0)).isTrue();
        assertThat(admission.admit(1300, 1300, 0)).isTrue();
        admission.finished(1300, 1350, true); // within the target
        admission.finished(1300, 1900, true);
        assertThat(admission.admit(2400, 2400, 0)).isTrue();
        assertThat(admission.shedding()).isFalse();
    }

    @Test
    void aRequestThatAlreadyWaitedLongerThanTheTarget_isRefusedAtOnce() {
        assertThat(admission.admit(0, 150, 0)).isFalse();
        assertThat(admission.admit(100, 150, 0)).isTrue();
        assertThat(admission.shedding()).as("a late request alone does not start shedding").isFalse();
    }

    @Test
    void whileNewThreadsWaitLongerThanTheTarget_everyRequestIsRefused() {
        assertThat(admission.admit(0, 0, 150)).isFalse();
        assertThat(admission.admit(0, 0, 100)).as("at the target: admitted").isTrue();
        assertThat(admission.shedding()).isFalse();
    }

    @Test
    void answersRefusedForAnotherReason_doNotCountAsQuick() {
        assertThat(admission.admit(0, 0, 0)).isTrue();
        assertThat(admission.admit(0, 0, 0)).isTrue();
        assertThat(admission.admit(0, 0, 0)).isTrue();
        admission.finished(0, 1, false); // e.g. the byte budget was full: quick, but it never waited its turn
        admission.finished(0, 600, true);
        assertThat(admission.admit(1000, 1000, 0)).isFalse();
        assertThat(admission.lastQuickestMillis()).isEqualTo(600);
    }
}
