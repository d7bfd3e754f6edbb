package io.harbinger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees when a command is given something wrong: one line naming it, exit status 2. */
class MainTest {
    private static String[] run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new String[]{Integer.toString(exit), err.toString()};
    }

    @Test
    void evaluateWithPeriodBackwards_saysSoInOneLine() {
        String[] r = run("evaluate", "--model", "m.json", "--data", ".", "--from", "2018-05-02", "--to", "2018-05-01");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("evaluate: --to 2018-05-01 is before --from 2018-05-02");
    }

    @Test
    void trainOnAMissingFolder_namesTheFolder() {
        String[] r = run("train", "--data", "/nonexistent-harbinger-data", "--from", "2018-01-01", "--to", "2018-01-02", "--out", "/tmp/never.json");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("/nonexistent-harbinger-data").doesNotContain("\tat ");
    }

    @Test
    void trainOnAPeriodNoLongerThanItsTest_saysNothingIsLeftToTrainOn(@TempDir Path data) throws Exception {
        Files.createFile(data.resolve("2018-01-01.csv")); // a folder of daily files: the period is what is wrong
        String[] r = run("train", "--data", data.toString(), "--from", "2018-01-01", "--to", "2018-03-31", "--out", "/tmp/never.json");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("2018-01-01..2018-03-31 (90 days) is not longer than its 91 test days").doesNotContain("\tat ");
    }

    @Test
    void evaluateWithAMissingModel_saysNoSuchFile() {
        String[] r = run("evaluate", "--model", "/nonexistent-model.json", "--data", ".", "--from", "2018-05-01", "--to", "2018-05-02");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("evaluate: no such file: /nonexistent-model.json");
    }

    @Test
    void replayWithABadSample_isRefusedBeforeSending() {
        String[] r = run("replay", "--data", ".", "--from", "2018-05-01", "--to", "2018-05-02", "--drive-sample", "0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--drive-sample must be 1..1000");
    }

    @Test
    void serveWithABadSetting_namesItTheValueAndWhatIsValid_beforeStartingAnything() {
        String[] r = run("serve", "--stream-threads", "0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("serve: --stream-threads must be 1..64, got 0");
    }

    @Test
    void serveWithSeveralBadSettings_namesThemAllInOneLine() {
        String[] r = run("serve", "--port", "http", "--loader-write-mode", "fast", "--commit-interval", "0s");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("serve: --port must be a whole number, got 'http'; --commit-interval must be 10ms..1m, got 0s; "
                + "--loader-write-mode must be one of staged, optimistic, got 'fast'");
    }

    @Test
    void serveOneRoleWithoutACluster_saysWhatItNeeds() {
        String[] r = run("serve", "--role", "process");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("serve: --role process needs an external Kafka (--kafka): the embedded broker runs only with --role all");

        r = run("serve", "--role", "api,alert", "--kafka", "127.0.0.1:9092");
        assertThat(r[1].strip()).isEqualTo("serve: --role api,alert needs an external PostgreSQL (--postgres or --shard-map): the bundled one runs only with --role all");

        r = run("serve", "--role", "ingest,reader");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("serve: --role must be all, or a comma-separated list of ingest, process, api, alert, got 'ingest,reader'");
    }

    @Test
    void serveBeyondLoopbackWithoutKeys_refusesToStart_namingTheFlagThatWouldAllowIt() {
        String[] r = run("serve", "--bind", "0.0.0.0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("serve: --bind 0.0.0.0 needs --auth keys (or --auth open to run without keys on purpose: "
                + "anyone who can reach the port can write and read)");

        r = run("serve", "--role", "ingest", "--kafka", "127.0.0.1:9092", "--bind", "0.0.0.0", "--auth", "keys");
        assertThat(r[1].strip()).isEqualTo("serve: --auth keys on --role ingest needs the PostgreSQL that holds the keys (--postgres or --shard-map)");

        r = run("serve", "--auth", "none");
        assertThat(r[1].strip()).isEqualTo("serve: --auth must be one of keys, open or nothing, got 'none'");
    }

    @Test
    void demoOfOneRole_isRefused() {
        String[] r = run("demo", "--role", "ingest", "--kafka", "127.0.0.1:9092");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("demo: --role ingest: the demo runs every role in one process (--role all)");
    }

    @Test
    void demoWithReplicasButNoCluster_saysWhy() {
        String[] r = run("demo", "--replication-factor", "3");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("demo: --replication-factor 3 needs an external Kafka (--kafka); the embedded broker is a single node");
    }

    @Test
    void serveHelp_showsEverySettingWithItsDefaultAndEnvironmentVariable() {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("serve", "--help")).isZero();
        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(help).contains("--stream-threads=N Kafka Streams threads. Default: 1, env HARBINGER_STREAM_THREADS")
                .contains("--loader-batch-rows=N").contains("Default: 20000, env HARBINGER_LOADER_BATCH_ROWS")
                .contains("--late=DURATION How far behind the server clock live samples may be. Default: 1h")
                .contains("--kafka=TEXT").contains("Env: HARBINGER_KAFKA")
                .contains("--loader-copy-format=text|binary");
    }
}
