package io.harbinger.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code harbinger <command>}: the one entry point of the distribution. */
@Command(name = "harbinger", mixinStandardHelpOptions = true, version = "harbinger 0.1.0",
        description = "Fleet telemetry ingest and disk failure prediction.",
        subcommands = {ServeCommand.class, DemoCommand.class, TrainCommand.class, EvaluateCommand.class, ReplayCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (exit != 0) System.exit(exit);
    }
}
