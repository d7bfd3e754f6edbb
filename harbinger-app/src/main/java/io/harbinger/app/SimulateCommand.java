package io.harbinger.app;

import io.harbinger.simulate.fleet.FleetGenerator;
import io.harbinger.simulate.fleet.FleetParameters;
import io.harbinger.simulate.fleet.FleetShape;
import io.harbinger.simulate.fleet.ParametersFile;
import io.harbinger.simulate.send.CsvFolder;
import io.harbinger.simulate.send.FleetSimulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code harbinger simulate}: a simulated fleet sending SMART readings and host metrics to a running node. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a fleet whose drives' SMART attributes evolve with the statistics of real Backblaze data (and fail like its failed "
                + "drives), sending to a running node: days from --start-days-ago up to today at --speed days per second, then live.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The node. Default: ${DEFAULT-VALUE}")
    URI url;

    @Option(names = "--hosts", defaultValue = "100", description = "Hosts. Default: ${DEFAULT-VALUE}")
    int hosts;

    @Option(names = "--regions", defaultValue = "4", description = "Regions (region-1..N; hosts are dealt round-robin). Default: ${DEFAULT-VALUE}")
    int regions;

    @Option(names = "--drives-per-host", defaultValue = "12", description = "Drives per host. Default: ${DEFAULT-VALUE}")
    int drivesPerHost;

    @Option(names = "--speed", defaultValue = "2",
            description = "Simulated days per second until the timeline reaches today; 0 = as fast as the node acknowledges. Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--start-days-ago", defaultValue = "90", description = "The first simulated day is this many days before today. Default: ${DEFAULT-VALUE}")
    int startDaysAgo;

    @Option(names = "--failure-boost", defaultValue = "1",
            description = "Multiplies the fitted failure hazard (about 5.7e-5 per drive-day), so that a small fleet shows failures. Default: ${DEFAULT-VALUE}")
    double failureBoost;

    @Option(names = "--seed", defaultValue = "1", description = "Same seed, same fleet. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--days", defaultValue = "0", description = "Stop after this many simulated days; 0 = run until stopped. Default: ${DEFAULT-VALUE}")
    long days;

    @Option(names = "--host-metrics-interval", defaultValue = "10s", converter = DurationConverter.class,
            description = "Host metrics (cpu, mem, diskio, net) every this long, current timestamps; 0s = none. Default: ${DEFAULT-VALUE}")
    Duration hostMetricsInterval;

    @Option(names = "--concurrency", defaultValue = "32", description = "Requests in flight within a day (one request per host and day). Default: ${DEFAULT-VALUE}")
    int concurrency;

    @Option(names = "--parameters", description = "Fleet parameters from fit-fleet. Default: the shipped ones (Backblaze ST4000DM000, 2018-H1).")
    Path parameters;

    @Option(names = "--write-csv",
            description = "Write the --days simulated days (from --start-days-ago ago) as Backblaze daily files YYYY-MM-DD.csv into this folder instead of sending them.")
    Path writeCsv;

    @Option(names = "--progress-interval", defaultValue = "5s", converter = DurationConverter.class,
            description = "A progress line every this long. Default: ${DEFAULT-VALUE}")
    Duration progressInterval;

    @Override
    public Integer call() throws Exception {
        validate();
        FleetShape shape;
        FleetSimulation.Options options;
        try {
            shape = new FleetShape(hosts, regions, drivesPerHost);
            FleetParameters p = parameters == null ? ParametersFile.loadDefault() : ParametersFile.load(parameters);
            options = FleetSimulation.Options.of(url, shape).withParameters(p).withSeed(seed).withFailureBoost(failureBoost)
                    .withStartDaysAgo(startDaysAgo).withSpeed(speed).withDays(days).withHostMetricsInterval(hostMetricsInterval)
                    .withConcurrency(concurrency);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (writeCsv != null) return writeCsv(options);
        System.out.printf("simulating %d hosts x %d drives in %d regions (seed %d, failure boost %s) from %d days ago to %s%n",
                hosts, drivesPerHost, regions, seed, failureBoost, startDaysAgo, url);
        try (FleetSimulation sim = FleetSimulation.start(options, FleetSimulation.Listener.NONE)) {
            Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
            while (!sim.await(progressInterval)) print(sim.progress());
            FleetSimulation.Progress p = sim.progress();
            print(p);
            if (p.failure() != null) {
                System.err.println("simulate: stopped: " + p.failure());
                return 1;
            }
        }
        return 0;
    }

    /** Every option checked up front, by its own name (the library's messages name its parameters). */
    private void validate() {
        require(hosts >= 1, "--hosts must be >= 1, got " + hosts);
        require(regions >= 1 && regions <= hosts, "--regions must be 1..--hosts (" + hosts + "), got " + regions);
        require(drivesPerHost >= 1, "--drives-per-host must be >= 1, got " + drivesPerHost);
        require((long) hosts * drivesPerHost <= 10_000_000, "--hosts x --drives-per-host must be at most 10000000, got " + (long) hosts * drivesPerHost);
        require(speed >= 0, "--speed must be >= 0, got " + speed);
        require(startDaysAgo >= 0 && startDaysAgo <= 36_500, "--start-days-ago must be 0..36500, got " + startDaysAgo);
        require(failureBoost >= 0 && failureBoost <= 10_000, "--failure-boost must be 0..10000, got " + failureBoost);
        require(days >= 0, "--days must be >= 0, got " + days);
        require(!hostMetricsInterval.isNegative(), "--host-metrics-interval must be >= 0s, got " + hostMetricsInterval);
        require(concurrency >= 1 && concurrency <= 1024, "--concurrency must be 1..1024, got " + concurrency);
        require(progressInterval.compareTo(java.time.Duration.ZERO) > 0, "--progress-interval must be > 0s, got " + progressInterval);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new CommandLine.TypeConversionException(message);
    }

    private int writeCsv(FleetSimulation.Options o) throws java.io.IOException {
        if (days < 1 || days > 100_000) throw new CommandLine.TypeConversionException("--write-csv needs --days 1..100000, got " + days);
        java.time.LocalDate first = java.time.LocalDate.now(o.clock()).minusDays(startDaysAgo);
        long failures = CsvFolder.write(new FleetGenerator(o.parameters(), o.shape(), seed, failureBoost, first), (int) days, writeCsv);
        System.out.printf("wrote %d days from %s of %d drives (%d failures) to %s%n", days, first, o.shape().drives(), failures, writeCsv);
        return 0;
    }

    private static void print(FleetSimulation.Progress p) {
        System.out.printf("day %s%s: %d days sent, %d rows acknowledged in %d requests, %d drives failed, %d host metric lines%n",
                p.currentDay() == null ? "-" : p.currentDay(), p.live() ? " (live)" : "", p.daysSent(), p.rowsAcked(), p.requests(),
                p.drivesFailed(), p.hostMetricLines());
    }
}
