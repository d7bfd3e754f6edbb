package io.harbinger.app;

import io.harbinger.predict.offline.FleetLayout;
import io.harbinger.simulate.fleet.FleetShape;
import io.harbinger.simulate.send.FleetSimulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code harbinger demo}: a node with its dashboard, fed by a simulated fleet (or, with {@code --data},
 * by real Backblaze days), kept running until Ctrl-C with a progress line every few seconds: what was
 * acknowledged, scored, how the fleet's drives stand and how many alerts fire.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, modelTransformer = ServeOptions.class,
        description = {"Start a node with its dashboard and feed it a simulated fleet whose drives age and fail like real ones "
                + "(or, with --data, real Backblaze days); runs until Ctrl-C.",
                "Nothing to install: the fleet's statistics ship with Harbinger (fitted from Backblaze data by `harbinger fit-fleet`)."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "Replay real Backblaze days from this folder (daily CSVs, or a data set holding "
            + "backblaze-st4000dm000-2018-h1) instead of simulating a fleet.")
    Path data;

    @Option(names = "--hosts", defaultValue = "60", description = "Simulated hosts. Default: ${DEFAULT-VALUE}")
    int hosts;

    @Option(names = "--regions", defaultValue = "4", description = "Regions the hosts are dealt over. Default: ${DEFAULT-VALUE}")
    int regions;

    @Option(names = "--drives-per-host", defaultValue = "8", description = "Drives per simulated host. Default: ${DEFAULT-VALUE}")
    int drivesPerHost;

    @Option(names = "--failure-boost", defaultValue = "30",
            description = "Drives fail this many times as often as in the data, so that a small fleet shows failures within minutes. Default: ${DEFAULT-VALUE}")
    double failureBoost;

    @Option(names = "--start-days-ago", defaultValue = "120", description = "The simulated fleet's first day. Default: ${DEFAULT-VALUE}")
    int startDaysAgo;

    @Option(names = "--speed", defaultValue = "1", description = "Simulated (or replayed) days per second. Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "Same seed, same simulated fleet. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--duration", defaultValue = "0s", converter = DurationConverter.class,
            description = "Stop after this long; 0s = run until Ctrl-C. Default: ${DEFAULT-VALUE}")
    Duration duration;

    @Option(names = "--progress-interval", defaultValue = "5s", converter = DurationConverter.class,
            description = "A progress line every this long. Default: ${DEFAULT-VALUE}")
    Duration progressInterval;

    /** The real data set's replay: its days, a tenth of its drives. */
    static final LocalDate REPLAY_FROM = LocalDate.of(2018, 1, 1);
    static final LocalDate REPLAY_TO = LocalDate.of(2018, 6, 30);

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (progressInterval.isNegative() || progressInterval.isZero()) throw new CommandLine.ParameterException(spec.commandLine(), "--progress-interval must be > 0");
        if (duration.isNegative()) throw new CommandLine.ParameterException(spec.commandLine(), "--duration must be >= 0");
        ServeConfig config = ServeOptions.read(spec, System.getenv());
        if (!config.roles().all()) throw new IllegalArgumentException("--role " + config.roles() + ": the demo runs every role in one process (--role all)");
        Path replayDir = data == null ? null : backblazeFolder(data);
        FleetShape shape = data == null ? shape() : null;
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C / SIGTERM: tell the loop below to stop, and hold the JVM until the node below has closed
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(closed, Duration.ofSeconds(90));
        }, "demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Harbinger node = Harbinger.start(config, Clock.systemUTC())) {
            URI base = URI.create("http://" + config.bindAddress() + ":" + node.port());
            try (DemoFeed feed = replayDir == null ? simulate(base, shape) : replay(base, replayDir)) {
                out.printf("%nHarbinger demo: open %s/ for the dashboard (API: %s/api/v1/fleet/summary). Ctrl-C stops.%n%s%n%n",
                        base, base, feed.description());
                run(node, feed, stop);
            }
        } finally {
            closed.countDown();
            removeHook(hook);
        }
        return 0;
    }

    private void run(Harbinger node, DemoFeed feed, CountDownLatch stop) throws InterruptedException {
        DemoProgress progress = new DemoProgress(System.nanoTime());
        long deadline = duration.isZero() ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (!stop.await(Math.min(progressInterval.toNanos(), Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
            out.println(progress.line(System.nanoTime(), feed.status(), node));
            String failure = feed.status().failure();
            if (failure != null) {
                out.println("The feed stopped: " + failure);
                return;
            }
            if (System.nanoTime() >= deadline) return;
        }
    }

    private FleetShape shape() {
        try {
            return new FleetShape(hosts, regions, drivesPerHost);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private DemoFeed simulate(URI base, FleetShape shape) {
        FleetSimulation.Options options;
        try {
            options = FleetSimulation.Options.of(base, shape).withSeed(seed).withFailureBoost(failureBoost)
                    .withStartDaysAgo(startDaysAgo).withSpeed(speed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return DemoFeed.simulated(FleetSimulation.start(options, FleetSimulation.Listener.NONE), String.format(java.util.Locale.ROOT,
                "Simulated fleet: %,d hosts x %d drives in %d regions, %d days up to today at %s days/s, then live; drives fail %sx as often "
                        + "as Backblaze's ST4000DM000 (seed %d).", hosts, drivesPerHost, regions, startDaysAgo, speed, failureBoost, seed));
    }

    private DemoFeed replay(URI base, Path dir) {
        FleetReplay replay = new FleetReplay(new FleetReplay.Options(base, dir, REPLAY_FROM, REPLAY_TO, speed, FleetLayout.DEFAULT,
                DriveSubset.of(100), 8));
        return DemoFeed.replayed(replay, "Replaying real Backblaze days " + REPLAY_FROM + ".." + REPLAY_TO + " from " + dir
                + " (a tenth of the drives) at " + speed + " days/s.");
    }

    /** {@code dir} itself when it holds daily CSVs, else its {@code backblaze-st4000dm000-2018-h1}. */
    private Path backblazeFolder(Path dir) {
        Path nested = dir.resolve("backblaze-st4000dm000-2018-h1");
        if (Files.isDirectory(nested)) return nested;
        if (Files.isDirectory(dir)) return dir;
        throw new CommandLine.ParameterException(spec.commandLine(), "--data " + dir + " is not a folder (see README 'Test data' for where to get the data set)");
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook ran; the node closes on the way out of call()
        }
    }
}
