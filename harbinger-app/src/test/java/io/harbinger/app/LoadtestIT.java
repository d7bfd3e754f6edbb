package io.harbinger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code harbinger loadtest} against the shared node (embedded Kafka, bundled PostgreSQL): a short
 * steady run reconciles — its exit status says every acknowledged sample is stored — and what it says was
 * acknowledged is what PostgreSQL holds for its hosts, counted here by SQL of our own. Its report has a
 * row per second, a plot, and a sample-to-prediction latency read from the node's metrics.
 */
class LoadtestIT {
    @Test
    void aSteadyRun_reconcilesEveryAcknowledgedSample_andReportsItsLatencies(@TempDir Path report) throws Exception {
        SharedNode.get();
        String prefix = "lt-it-" + Long.toString(System.nanoTime(), 36) + "-";
        int exit = Main.commandLine().execute("loadtest", "--url", SharedNode.base(), "--rate", "1500", "--duration", "6s", "--hosts", "40",
                "--hosts-per-request", "5", "--host-prefix", prefix, "--report", report.toString(), "--drain-timeout", "2m");
        String summary = Files.readString(report.resolve("summary.txt"));
        assertThat(exit).as(summary).isZero();
        assertThat(summary).contains("every acknowledged sample is stored").contains("429 0, 503 0");

        Matcher acked = Pattern.compile("smart (\\d+) stored of (\\d+) acknowledged, host metrics (\\d+) of (\\d+)").matcher(summary);
        assertThat(acked.find()).as(summary).isTrue();
        long smart = Long.parseLong(acked.group(2));
        long metrics = Long.parseLong(acked.group(4));
        assertThat(smart + metrics).as("about 6 s at 1500 samples/s").isBetween(8_000L, 9_100L);
        long[] stored = new long[2];
        for (int region = 1; region <= 4; region++) {
            DataSource db = SharedNode.get().primaryFor("region-" + region);
            stored[0] += count(db, "disk_samples", "region-" + region, prefix);
            stored[1] += count(db, "host_metrics", "region-" + region, prefix);
        }
        assertThat(stored).containsExactly(smart, metrics);

        Matcher latency = Pattern.compile("sample -> prediction stored \\(ms, (\\d+) records with predictions\\): p50 ([\\d.]+)").matcher(summary);
        assertThat(latency.find()).as(summary).isTrue();
        assertThat(Long.parseLong(latency.group(1))).as("the first samples of each drive's day are scored").isPositive();

        List<String> timeline = Files.readAllLines(report.resolve("timeline.csv"));
        assertThat(timeline.getFirst()).startsWith("second,phase,offered,acked");
        assertThat(timeline.size()).isGreaterThanOrEqualTo(7);
        assertThat(timeline.get(1)).startsWith("1,steady,1500,");
        assertThat(Files.readString(report.resolve("loadtest.svg"))).startsWith("<?xml").contains("<polyline").endsWith("</svg>\n");
    }

    @Test
    void badSettings_areRefused_namingTheOption() {
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Main.commandLine().setErr(new java.io.PrintWriter(err)).execute("loadtest", "--rate", "0");
        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--rate must be in (0, 10000000]");
    }

    private static long count(DataSource db, String table, String region, String prefix) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE region = ? AND starts_with(host, ?)")) {
            st.setString(1, region);
            st.setString(2, prefix);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
