package io.harbinger.app;

import io.harbinger.simulate.fit.FitFleet;
import io.harbinger.simulate.fleet.FleetParameters;
import io.harbinger.simulate.fleet.ParametersFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code harbinger fit-fleet}: fit the fleet simulator's parameters from Backblaze daily CSVs. */
@Command(name = "fit-fleet", mixinStandardHelpOptions = true,
        description = "Fit the fleet simulator's parameters (healthy drives' SMART statistics, failure hazard, failed drives' trajectories) "
                + "from Backblaze daily CSVs; the same data always gives the same file.")
final class FitFleetCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Folder of daily CSVs named YYYY-MM-DD.csv[.gz].")
    Path data;

    @Option(names = "--from", defaultValue = "2000-01-01", description = "First day to read (YYYY-MM-DD). Default: every file.")
    LocalDate from;

    @Option(names = "--to", defaultValue = "2999-12-31", description = "Last day to read. Default: every file.")
    LocalDate to;

    @Option(names = "--out", required = true, description = "The parameters file to write (JSON).")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliDates.requireOrder(from, to);
        FleetParameters p = FitFleet.fit(data, from, to);
        ParametersFile.write(p, out);
        System.out.printf("fitted %s..%s: %d drive-days, %d drives, %d failures (%d trajectories), hazard %.3g per drive-day -> %s%n",
                p.from(), p.to(), p.observed().driveDays(), p.observed().drives(), p.observed().failures(), p.trajectories().size(),
                p.failureHazard(), out);
        return 0;
    }
}
