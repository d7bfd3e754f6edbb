package io.harbinger.app;

import io.harbinger.predict.offline.FleetLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code harbinger replay}: stream Backblaze daily CSVs through a running node's HTTP ingest, as a fleet would. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Send Backblaze daily CSVs to a running node, day by day, each drive from its host (4 regions x 150 hosts, placed by serial number).")
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Folder of daily CSVs named YYYY-MM-DD.csv[.gz].")
    Path data;

    @Option(names = "--from", required = true, description = "First day to send (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", required = true, description = "Last day to send.")
    LocalDate to;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The node. Default: ${DEFAULT-VALUE}")
    URI url;

    @Option(names = "--speed", defaultValue = "0",
            description = "Simulated days per second; 0 sends as fast as the node acknowledges. Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--drive-sample", defaultValue = "1000",
            description = "Send only this many drives per thousand (chosen by serial number). Default: ${DEFAULT-VALUE}")
    int drivePermille;

    @Option(names = "--concurrency", defaultValue = "8", description = "Requests in flight. Default: ${DEFAULT-VALUE}")
    int concurrency;

    @Override
    public Integer call() throws Exception {
        CliDates.requireOrder(from, to);
        if (speed < 0) throw new picocli.CommandLine.TypeConversionException("--speed must be >= 0, got " + speed);
        if (drivePermille < 1 || drivePermille > 1000) throw new picocli.CommandLine.TypeConversionException("--drive-sample must be 1..1000, got " + drivePermille);
        if (concurrency < 1) throw new picocli.CommandLine.TypeConversionException("--concurrency must be >= 1, got " + concurrency);
        FleetReplay.Summary s = new FleetReplay(new FleetReplay.Options(url, data, from, to, speed, FleetLayout.DEFAULT,
                DriveSubset.of(drivePermille), concurrency)).run();
        System.out.printf("replayed %d days: %d rows in %d requests to %s%n", s.days(), s.rows(), s.requests(), url);
        return 0;
    }
}
