package io.harbinger.app;

import io.harbinger.simulate.fleet.FleetParameters;
import io.harbinger.simulate.fleet.FleetShape;
import io.harbinger.simulate.fleet.ParametersFile;
import io.harbinger.simulate.load.FleetTraffic;
import io.harbinger.simulate.load.LoadProfile;
import io.harbinger.simulate.load.LoadReport;
import io.harbinger.simulate.load.LoadRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code harbinger loadtest}: the simulated fleet's telemetry, open-loop at a rate profile, then drained and reconciled. */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = "Offer the simulated fleet's telemetry (host metrics and SMART as line protocol) to running nodes, open-loop on a rate profile "
                + "(steady, surge, ramp), with latency measured from each request's due time; then wait until storage holds every acknowledged "
                + "sample, counted per host, and report throughput, ack latency, 429s and errors, drain time and sample-to-prediction latency, "
                + "with a per-second CSV and an SVG plot.")
final class LoadtestCommand implements Callable<Integer> {
    enum Profile { STEADY, SURGE, RAMP }

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Where the traffic goes (a node, or the ingest load balancer). Default: ${DEFAULT-VALUE}")
    URI url;

    @Option(names = "--api-url", description = "Where storage is asked for the reconciliation (a node with the api role, or its load balancer). Default: --url")
    URI apiUrl;

    @Option(names = "--metrics-url", split = ",",
            description = "Nodes whose /metrics give processor lag, loader lag and sample-to-prediction latency (the process nodes). Default: --url")
    List<URI> metricsUrls;

    @Option(names = "--profile", defaultValue = "steady", description = "steady, surge (1x -> --surge-factor x -> 1x) or ramp (finds capacity). Default: ${DEFAULT-VALUE}")
    Profile profile;

    @Option(names = "--rate", defaultValue = "5000", description = "Samples per second: steady's rate, surge's baseline, ramp's first step. Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "steady: the whole run; surge: each of its three phases; ramp: each step. Default: ${DEFAULT-VALUE}")
    Duration duration;

    @Option(names = "--surge-factor", defaultValue = "5", description = "Surge rate over the baseline. Default: ${DEFAULT-VALUE}")
    double surgeFactor;

    @Option(names = "--surge-duration", converter = DurationConverter.class, description = "How long the surge lasts. Default: --duration")
    Duration surgeDuration;

    @Option(names = "--ramp-step", description = "Samples per second added at each ramp step. Default: --rate")
    Double rampStep;

    @Option(names = "--ramp-max", defaultValue = "1000000", description = "The ramp's last step. Default: ${DEFAULT-VALUE}")
    double rampMax;

    @Option(names = "--ramp-p99", defaultValue = "1s", converter = DurationConverter.class,
            description = "A ramp step whose ack p99 exceeds this did not keep up. Default: ${DEFAULT-VALUE}")
    Duration rampP99;

    @Option(names = "--hosts", defaultValue = "2000", description = "Hosts. Default: ${DEFAULT-VALUE}")
    int hosts;

    @Option(names = "--regions", defaultValue = "4", description = "Regions region-1..N. Default: ${DEFAULT-VALUE}")
    int regions;

    @Option(names = "--drives-per-host", defaultValue = "4", description = "Drives per host. Default: ${DEFAULT-VALUE}")
    int drivesPerHost;

    @Option(names = "--hosts-per-request", defaultValue = "20", description = "Hosts whose lines go in one request (an agent relay's batch). Default: ${DEFAULT-VALUE}")
    int hostsPerRequest;

    @Option(names = "--smart-every", defaultValue = "1", description = "SMART lines in every Nth round of a host's reports (host metrics in every one). Default: ${DEFAULT-VALUE}")
    int smartEvery;

    @Option(names = "--seed", defaultValue = "1", description = "Same seed, same fleet. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--failure-boost", defaultValue = "1", description = "Multiplies the fitted failure hazard. Default: ${DEFAULT-VALUE}")
    double failureBoost;

    @Option(names = "--host-prefix", description = "Host names start with this (a run's rows are counted by it). Default: lt-<start time in base 36>-")
    String hostPrefix;

    @Option(names = "--give-up", defaultValue = "5m", converter = DurationConverter.class,
            description = "A request not acknowledged this long after its due time is given up (its samples count as not acknowledged). Default: ${DEFAULT-VALUE}")
    Duration giveUp;

    @Option(names = "--drain-timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long to wait for storage to hold every acknowledged sample. Default: ${DEFAULT-VALUE}")
    Duration drainTimeout;

    @Option(names = "--report", defaultValue = "loadtest-report", description = "Folder for summary.txt, timeline.csv and loadtest.svg. Default: ${DEFAULT-VALUE}")
    Path report;

    @Option(names = "--progress-interval", defaultValue = "5s", converter = DurationConverter.class, description = "A progress line every this long. Default: ${DEFAULT-VALUE}")
    Duration progressInterval;

    @Option(names = "--parameters", description = "Fleet parameters from fit-fleet. Default: the shipped ones.")
    Path parameters;

    @Override
    public Integer call() throws Exception {
        validate();
        LoadProfile p = switch (profile) {
            case STEADY -> LoadProfile.steady(rate, duration);
            case SURGE -> LoadProfile.surge(rate, surgeFactor, duration, surgeDuration == null ? duration : surgeDuration, duration);
            case RAMP -> LoadProfile.ramp(rate, rampStep == null ? rate : rampStep, rampMax, duration);
        };
        String prefix = hostPrefix != null ? hostPrefix : "lt-" + Long.toString(System.currentTimeMillis() / 1000, 36) + "-";
        FleetParameters fitted = parameters == null ? ParametersFile.loadDefault() : ParametersFile.load(parameters);
        FleetTraffic traffic;
        try {
            traffic = new FleetTraffic(fitted, new FleetShape(hosts, regions, drivesPerHost), seed, failureBoost, prefix, hostsPerRequest, smartEvery,
                    LocalDate.now(ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        URI api = apiUrl == null ? url : apiUrl;
        List<URI> metrics = metricsUrls == null ? List.of(url) : metricsUrls;
        System.out.printf(Locale.ROOT, "loadtest %s: %s samples/s, %d hosts x %d drives in %d regions, %d hosts per request, hosts %s* -> %s%n",
                p.name(), rate, hosts, drivesPerHost, regions, hostsPerRequest, prefix, url);
        long every = Math.max(1, progressInterval.toSeconds());
        LoadRun run = new LoadRun(new LoadRun.Options(url, api, metrics, p, giveUp, drainTimeout, rampP99), traffic, t -> {
            if (t.second() % every == 0) {
                System.out.printf(Locale.ROOT, "%4d s %-9s offered %8.0f/s  acked %8d/s  p50 %7.1f ms  p99 %7.1f ms  429s %4d  errors %3d  lag %8.0f + %8.0f%n",
                        t.second(), t.phase(), t.offered(), t.acked(), t.p50Millis(), t.p99Millis(), t.refusals429(), t.errors(), t.processorLag(), t.loaderLag());
            }
        });
        LoadRun.Result result = run.run();
        String summary = LoadReport.summary(result);
        System.out.print(summary);
        Files.createDirectories(report);
        Files.writeString(report.resolve("summary.txt"), summary);
        Files.writeString(report.resolve("timeline.csv"), LoadReport.csv(result.ticks()));
        Files.writeString(report.resolve("loadtest.svg"), LoadReport.svg(result));
        System.out.println("report: " + report.toAbsolutePath());
        return result.reconciliation().complete() && result.otherRefusals() == 0 ? 0 : 1;
    }

    private void validate() {
        require(rate > 0 && rate <= 10_000_000, "--rate must be in (0, 10000000] samples/s, got " + rate);
        require(!duration.isNegative() && duration.toMillis() >= 1000, "--duration must be at least 1s, got " + duration);
        require(surgeFactor >= 1 && surgeFactor <= 100, "--surge-factor must be 1..100, got " + surgeFactor);
        require(surgeDuration == null || surgeDuration.toMillis() >= 1000, "--surge-duration must be at least 1s, got " + surgeDuration);
        require(rampStep == null || rampStep > 0, "--ramp-step must be > 0, got " + rampStep);
        require(rampMax >= rate, "--ramp-max must be >= --rate, got " + rampMax);
        require(hosts >= 1 && hosts <= 1_000_000, "--hosts must be 1..1000000, got " + hosts);
        require(regions >= 1 && regions <= hosts, "--regions must be 1..--hosts, got " + regions);
        require(drivesPerHost >= 1 && drivesPerHost <= 64, "--drives-per-host must be 1..64, got " + drivesPerHost);
        require(hostsPerRequest >= 1 && hostsPerRequest <= hosts, "--hosts-per-request must be 1..--hosts, got " + hostsPerRequest);
        require(smartEvery >= 1, "--smart-every must be >= 1, got " + smartEvery);
        require(failureBoost >= 0 && failureBoost <= 10_000, "--failure-boost must be 0..10000, got " + failureBoost);
        require(giveUp.toMillis() >= 1000, "--give-up must be at least 1s, got " + giveUp);
        require(!drainTimeout.isNegative(), "--drain-timeout must be >= 0s, got " + drainTimeout);
        require(progressInterval.toMillis() >= 1000, "--progress-interval must be at least 1s, got " + progressInterval);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new CommandLine.TypeConversionException(message);
    }
}
