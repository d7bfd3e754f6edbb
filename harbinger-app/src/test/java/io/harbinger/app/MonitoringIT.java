package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.harbinger.alert.AlertConfig;
import io.harbinger.core.config.Settings;
import io.harbinger.pipeline.PipelineConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring in {@code deploy/}: promtool accepts the scrape config and the rules and passes the rules' unit tests
 * (Debian's prometheus package, installed by scripts/test-packages.sh when missing); and every metric the Grafana
 * dashboard and the rules name, with the labels they match on, is in what a real node serves at {@code /metrics}.
 */
class MonitoringIT {
    private static final Path ROOT = Path.of(System.getProperty("harbinger.modules", ".."));
    private static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");
    private static final Path DASHBOARD = ROOT.resolve("deploy/grafana/harbinger.json");
    /** Series Prometheus makes itself, and the labels its scrape config adds. */
    private static final Set<String> SYNTHETIC = Set.of("up");
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance", "role");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or",
            "unless", "offset", "inf", "nan");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static String promtool;

    @BeforeAll
    static void promtoolInstalled() throws Exception {
        Optional<String> found = promtoolPath();
        if (found.isEmpty()) {
            run(ROOT, List.of(ROOT.resolve("scripts/test-packages.sh").toString()), Duration.ofMinutes(10));
            found = promtoolPath();
        }
        assertThat(found).as("scripts/test-packages.sh installs Debian's prometheus (promtool)").isPresent();
        promtool = found.get();
    }

    @Test
    void promtool_acceptsTheScrapeConfigAndTheRules_andTheRulesPassTheirUnitTests() throws Exception {
        assertSucceeds(promtool, "check", "config", "prometheus.yml");
        assertSucceeds(promtool, "check", "rules", "harbinger-rules.yml");
        String tests = assertSucceeds(promtool, "test", "rules", "harbinger-rules.test.yml");
        assertThat(tests).contains("SUCCESS");
    }

    @Test
    void theDashboard_isAGrafanaDashboardWithTheIssuesPanels() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        assertThat(variables).contains("DS_PROMETHEUS", "region");
        List<JsonNode> panels = panels(dashboard);
        for (JsonNode p : panels) {
            assertThat(p.path("datasource").path("uid").asText()).as(p.path("title").asText()).isEqualTo("${DS_PROMETHEUS}");
            assertThat(p.path("targets")).as(p.path("title").asText() + " has queries").isNotEmpty();
        }
        String all = expressions(dashboard).toString();
        assertThat(all).contains("harbinger_ingest_points_total", "harbinger_ingest_responses_total", "harbinger_ingest_ack_latency_seconds_bucket",
                "kafka_consumer_fetch_manager_records_lag_max", "harbinger_store_loader_lag", "harbinger_cache_hits_total",
                "harbinger_store_loader_predictions_total", "harbinger_alert_delivered_total", "harbinger_ingest_last_ack_timestamp_seconds");
    }

    @Test
    void metricNames_areFoundInExpressions_butNotFunctionsLabelsOrVariables() {
        Map<String, Set<String>> used = new TreeMap<>();
        names("histogram_quantile(0.99, sum by (le) (rate(a_bucket{job=\"x\",instance=~\"$instance\"}[$__rate_interval]))) / on (job) b "
                + "and time() - max_over_time(c:rec[1d]) > 0", used);
        assertThat(used).containsOnlyKeys("a_bucket", "b", "c:rec");
        assertThat(used.get("a_bucket")).containsExactlyInAnyOrder("job", "instance");
    }

    @Test
    void everyMetricTheDashboardAndTheRulesUse_isServedByARealNode() throws Exception {
        Map<String, Set<String>> used = new TreeMap<>();
        for (String expr : expressions(new ObjectMapper().readTree(DASHBOARD.toFile()))) names(expr, used);
        JsonNode rules = new YAMLMapper().readTree(PROMETHEUS.resolve("harbinger-rules.yml").toFile());
        Set<String> recorded = new TreeSet<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("record")) recorded.add(rule.path("record").asText());
                names(rule.path("expr").asText(), used);
            }
        }
        recorded.forEach(used::remove);
        SYNTHETIC.forEach(used::remove);
        assertThat(used).as("metrics named").containsKey("harbinger_ingest_points_total");

        try (Harbinger node = startNodeWithAReceiver()) {
            String base = "http://127.0.0.1:" + node.port();
            assertThat(Http.post(base + "/write?region=eu", "text/plain", "cpu,host=monitoring-it usage=1\n".getBytes(StandardCharsets.UTF_8))
                    .statusCode()).isEqualTo(204);
            Map<String, Set<String>> served = new TreeMap<>();
            // some meters appear only once their client runs (the Streams consumer's, once it has partitions): scrape until
            // all are there or the time is up, then say what is missing
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!served(Http.get(base + "/metrics").body(), served).keySet().containsAll(used.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
            Map<String, Set<String>> missing = new TreeMap<>();
            used.forEach((name, labels) -> {
                Set<String> have = served.get(name);
                if (have == null) {
                    missing.put(name, labels);
                    return;
                }
                Set<String> unknown = new TreeSet<>(labels);
                unknown.removeAll(have);
                unknown.removeAll(TARGET_LABELS);
                if (!unknown.isEmpty()) missing.put(name + " (labels)", unknown);
            });
            assertThat(missing).as("metrics or labels the dashboard or the rules use that a node does not serve").isEmpty();
        }
    }

    /** A node of its own: the shared one has no alert receiver, and the delivery meters are per receiver. */
    private static Harbinger startNodeWithAReceiver() throws IOException {
        Path dir = Files.createTempDirectory("harbinger-monitoring-it-");
        Settings settings = Settings.builder(ServeConfig.SETTINGS).set(ServeConfig.PORT, 0).set(ServeConfig.DATA_DIR, dir)
                .set(PipelineConfig.PARTITIONS, 1).set(PipelineConfig.COMMIT_INTERVAL, Duration.ofMillis(100))
                .set(AlertConfig.WEBHOOK, Optional.of(URI.create("http://127.0.0.1:1/hook"))) // nothing listens; nothing is sent either
                .build();
        return Harbinger.start(ServeConfig.from(settings, ""), Clock.systemUTC());
    }

    /** Every panel, those inside collapsed rows too. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            if (p.path("type").asText().equals("row")) {
                p.path("panels").forEach(out::add);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** The panels' queries and the metric selectors of the query variables ({@code label_values(selector, label)}). */
    private static List<String> expressions(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : panels(dashboard)) p.path("targets").forEach(t -> out.add(t.path("expr").asText()));
        for (JsonNode v : dashboard.path("templating").path("list")) {
            Matcher m = Pattern.compile("label_values\\((.+),\\s*\\w+\\)").matcher(v.path("definition").asText());
            if (m.matches()) out.add(m.group(1));
        }
        return out;
    }

    /** Adds the metric names in a PromQL expression to {@code into}, each with the label names its selectors match on. */
    static void names(String expr, Map<String, Set<String>> into) {
        String e = expr.replaceAll("\\$\\{?\\w+}?", "v"); // Grafana variables inside strings and ranges
        Matcher selectors = SELECTOR.matcher(e.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
        while (selectors.find()) {
            Set<String> labels = into.computeIfAbsent(selectors.group(1), k -> new TreeSet<>());
            Matcher label = MATCHER_LABEL.matcher(selectors.group(2));
            while (label.find()) labels.add(label.group(1));
        }
        String bare = e.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Matcher id = IDENTIFIER.matcher(bare);
        while (id.find()) {
            String word = id.group();
            boolean function = bare.substring(id.end()).stripLeading().startsWith("(");
            boolean number = id.start() > 0 && Character.isDigit(bare.charAt(id.start() - 1));
            if (!function && !number && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) into.computeIfAbsent(word, k -> new TreeSet<>());
        }
    }

    /** The series names of a Prometheus text exposition, each with its label names; into {@code out}, returned. */
    private static Map<String, Set<String>> served(String exposition, Map<String, Set<String>> out) {
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int brace = line.indexOf('{'), space = line.indexOf(' ');
            boolean labelled = brace >= 0 && brace < space;
            Set<String> labels = out.computeIfAbsent(line.substring(0, labelled ? brace : space), k -> new TreeSet<>());
            if (labelled) {
                Matcher m = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"").matcher(line.substring(brace, line.lastIndexOf('}')));
                while (m.find()) labels.add(m.group(1));
            }
        }
        return out;
    }

    private static Optional<String> promtoolPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "promtool");
            if (Files.isExecutable(p)) return Optional.of(p.toString());
        }
        return Files.isExecutable(Path.of("/usr/bin/promtool")) ? Optional.of("/usr/bin/promtool") : Optional.empty();
    }

    private static String assertSucceeds(String... command) throws Exception {
        return run(PROMETHEUS, List.of(command), Duration.ofMinutes(1));
    }

    /** Runs the command in {@code dir}; fails the test, with the output, unless it exits 0 in time. */
    private static String run(Path dir, List<String> command, Duration timeout) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String text = new String(out, StandardCharsets.UTF_8);
            assertThat(ended).as(String.join(" ", command) + " ended in time").isTrue();
            assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + text).isZero();
            return text;
        } finally {
            p.destroyForcibly();
        }
    }
}
