package io.harbinger.ingest.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe on the real virtual-thread scheduler: idle it sees no wait; with every carrier held, it sees the wait grow. */
class ThreadWaitTest {
    @Test
    void everyCarrierBusy_isSeenAsAGrowingWait_andTheWaitEndsWithIt() throws Exception {
        try (ThreadWait wait = new ThreadWait(20).start()) {
            Thread.sleep(200);
            assertThat(wait.millis()).as("idle scheduler").isLessThan(200);

            // virtual threads are not preempted: spinning ones hold every carrier until they stop
            int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
            long until = System.nanoTime() + 1_500_000_000L;
            List<Thread> spinners = new ArrayList<>();
            for (int i = 0; i < carriers; i++) spinners.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < until) Thread.onSpinWait();
            }));
            long seen = 0;
            while (System.nanoTime() < until) {
                seen = Math.max(seen, wait.millis());
                Thread.sleep(50);
            }
            for (Thread t : spinners) t.join();
            assertThat(seen).as("the wait while every carrier spun").isGreaterThan(500);

            Thread.sleep(300);
            assertThat(wait.millis()).as("carriers free again").isLessThan(200);
        }
    }
}
