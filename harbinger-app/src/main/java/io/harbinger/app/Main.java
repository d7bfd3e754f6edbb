package io.harbinger.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code harbinger <command>}: the one entry point of the distribution. */
@Command(name = "harbinger", mixinStandardHelpOptions = true, version = "harbinger 0.1.0",
        description = "Fleet telemetry ingest and disk failure prediction.",
        subcommands = {ServeCommand.class, DemoCommand.class, TrainCommand.class, EvaluateCommand.class, ReplayCommand.class,
                SimulateCommand.class, LoadtestCommand.class, FitFleetCommand.class, KeysCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Exit status of a command refused for bad settings or input (as picocli's for bad options). */
    static final int USAGE = 2;

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) System.exit(exit);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler(Main::refused);
    }

    /**
     * A setting, a file or the data that a command was given is wrong: one line saying what, no stack
     * trace. Anything else is a bug or an outage and keeps its stack trace.
     */
    private static int refused(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        boolean userError = e instanceof IllegalArgumentException || e instanceof CommandLine.PicocliException
                || e instanceof IOException || e instanceof UncheckedIOException;
        if (!userError) throw e;
        String what = e instanceof java.nio.file.NoSuchFileException ? "no such file: " + e.getMessage() : e.getMessage();
        cmd.getErr().println(cmd.getCommandName() + ": " + what);
        return USAGE;
    }
}
