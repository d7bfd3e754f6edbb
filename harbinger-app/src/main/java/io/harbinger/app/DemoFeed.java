package io.harbinger.app;

import io.harbinger.simulate.send.FleetSimulation;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/** What feeds the demo's node: a simulated fleet or a replay of real days, seen the same way by its progress line. */
interface DemoFeed extends AutoCloseable {
    /**
     * @param day     the last day acknowledged (null before the first)
     * @param live    the feed has caught up with today and goes on in real time
     * @param failed  drives that failed (simulated) so far
     * @param failure why the feed stopped, null while it runs or when it ended normally
     */
    record Status(String kind, LocalDate day, long rowsAcked, long failed, boolean live, boolean running, String failure) {
    }

    String description();

    Status status();

    @Override
    void close();

    static DemoFeed simulated(FleetSimulation simulation, String description) {
        return new DemoFeed() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Status status() {
                FleetSimulation.Progress p = simulation.progress();
                return new Status("simulated", p.currentDay(), p.rowsAcked(), p.drivesFailed(), p.live(), p.running(), p.failure());
            }

            @Override
            public void close() {
                simulation.close();
            }
        };
    }

    /** Runs {@code replay} on a thread of its own; closing interrupts it. */
    static DemoFeed replayed(FleetReplay replay, String description) {
        AtomicReference<String> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("demo-replay").daemon().start(() -> {
            try {
                replay.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure.set(e.getMessage());
            }
        });
        return new DemoFeed() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Status status() {
                FleetReplay.Progress p = replay.progress();
                return new Status("replayed", p.lastDay(), p.rows(), 0, false, thread.isAlive(), failure.get());
            }

            @Override
            public void close() {
                thread.interrupt();
                try {
                    thread.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
