package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code harbinger demo} as a newcomer runs it: the packaged jar, no data set, nothing but a JDK. Within
 * two minutes the simulated fleet has drives flagged and alerts firing, the dashboard answers at
 * {@code /}, the console is progress lines and a handful of start-up lines (no ERROR, no stack trace),
 * and Ctrl-C (SIGTERM) stops it cleanly.
 */
class DemoIT {
    private static final Pattern PROGRESS = Pattern.compile("readings acked .* drives [\\d,]+ good, [\\d,]+ warning, ([\\d,]+) bad, [\\d,]+ unknown · ([\\d,]+) alerts?");

    @TempDir
    Path dataDir;

    @Test
    void demo_withoutData_showsFlaggedDrivesAndAlertsOnItsDashboard_andStopsCleanly() throws Exception {
        try (HarbingerProcess demo = HarbingerProcess.start("demo", dataDir, List.of("-Xmx768m"),
                "--speed", "3", "--start-days-ago", "60", "--progress-interval", "2s")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            Matcher last = null;
            while (System.nanoTime() < deadline && (last == null || count(last.group(2)) == 0)) {
                Thread.sleep(1000);
                last = lastProgress(demo.output());
            }
            assertThat(last).as("a progress line with alerts firing within 150 s; output:\n%s", demo.output()).isNotNull();
            assertThat(count(last.group(2))).as("alerts firing; output:\n%s", demo.output()).isPositive();

            assertThat(Http.get(demo.base() + "/").statusCode()).isEqualTo(200);
            JsonNode atRisk = Http.getJson(demo.base() + "/api/v1/fleet/at-risk?limit=5");
            assertThat(atRisk.path("items")).as("at-risk drives").isNotEmpty();
            assertThat(atRisk.path("items").get(0).path("reasons")).as("reasons in words").isNotEmpty();

            assertThat(demo.terminate()).as("the JVM's exit status after SIGTERM (128 + 15)").isEqualTo(143);
            String output = demo.output();
            assertThat(output).as("the node closed before the JVM ended").contains("Harbinger stopped");
            assertThat(output).as("no errors on the console").doesNotContain(" ERROR ").doesNotContain("\tat ");
            long logLines = output.lines().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).count();
            assertThat(logLines).as("a handful of log lines, not library chatter:\n%s", output).isLessThan(40);
        }
    }

    private static Matcher lastProgress(String output) {
        Matcher found = null;
        for (String line : output.lines().toList()) {
            Matcher m = PROGRESS.matcher(line);
            if (m.find()) found = m;
        }
        return found;
    }

    private static long count(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
