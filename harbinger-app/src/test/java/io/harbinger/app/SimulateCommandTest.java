package io.harbinger.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** harbinger simulate and fit-fleet refuse bad options in one line naming the option, exit status 2, before sending anything. */
class SimulateCommandTest {
    private static String[] run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new String[]{Integer.toString(exit), err.toString().strip()};
    }

    @Test
    void simulateWithMoreRegionsThanHosts_namesTheOption() {
        String[] r = run("simulate", "--url", "http://127.0.0.1:1", "--hosts", "2", "--regions", "3");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).isEqualTo("simulate: --regions must be 1..--hosts (2), got 3");
    }

    @Test
    void simulateWithANegativeBoost_namesTheOption() {
        String[] r = run("simulate", "--url", "http://127.0.0.1:1", "--failure-boost", "-1");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).isEqualTo("simulate: --failure-boost must be 0..10000, got -1.0");
    }

    @Test
    void simulateToCsv_withoutDays_saysSo(@org.junit.jupiter.api.io.TempDir Path dir) {
        String[] r = run("simulate", "--write-csv", dir.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).isEqualTo("simulate: --write-csv needs --days 1..100000, got 0");
    }

    @Test
    void simulateToCsv_writesOneBackblazeFilePerDay(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String[] r = run("simulate", "--write-csv", dir.toString(), "--days", "3", "--hosts", "2", "--regions", "1", "--drives-per-host", "2");
        assertThat(r[0]).isEqualTo("0");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(3).allMatch(n -> n.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}\\.csv"));
        }
    }

    @Test
    void fitFleetOnAMissingFolder_namesTheFolder() {
        String[] r = run("fit-fleet", "--data", "/nonexistent-harbinger-data", "--out", "/tmp/never.json");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("/nonexistent-harbinger-data").doesNotContain("\tat ");
    }
}
