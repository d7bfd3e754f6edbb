package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.simulate.fleet.FleetShape;
import io.harbinger.simulate.send.FleetSimulation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless browser (Debian's chromium driven by its chromedriver, both started
 * here) against the shared node, fed by the fleet simulator (48 drives in two regions over the last 30
 * days, failures boosted so some drives are at risk) and, in a region of its own, one host whose drive's
 * SMART 5 and 197 counters grow day by day beside healthy ones (the drive whose alert the page silences). Every test leaves a screenshot in
 * {@code target/screenshots/}; after each, the browser logged no error and asked no host but this node.
 */
class DashboardIT {
    private static final String BASE = SharedNode.base();
    private static final String REGION = "dash-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String HOST = "rack-07";
    private static final String FAILING = "ZDASH" + REGION.substring(5).toUpperCase();
    private static final List<String> HEALTHY = List.of("ZOK1", "ZOK2", "ZOK3");
    private static final int DAYS = 21;
    private static final int SIMULATED_DAYS = 30;
    /** The last day fed: yesterday, so the fleet's latest data is this test's (other tests send 2013 and 2018 days). */
    private static final LocalDate LAST = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path SELENIUM_CACHE = Path.of(System.getProperty("user.home"), ".cache", "selenium");
    private static final String CSV_HEADER = "serial_number,date,model,failure,smart_5_raw,smart_9_raw,smart_187_raw,smart_188_raw,"
            + "smart_193_raw,smart_194_raw,smart_197_raw,smart_198_raw,smart_241_raw,smart_242_raw\n";

    private static ChromeDriverService service;
    private static ChromeDriver browser;
    private static Path profile;
    private static boolean seleniumCacheBefore;

    @BeforeAll
    static void feedTheFleetAndStartTheBrowser() throws Exception {
        FleetSimulation.Options fleet = FleetSimulation.Options.of(URI.create(BASE), new FleetShape(8, 2, 6, "dash-sim-")).withSeed(9).withFailureBoost(50)
                .withStartDaysAgo(SIMULATED_DAYS).withDays(SIMULATED_DAYS).withSpeed(0).withHostMetricsInterval(Duration.ZERO);
        try (FleetSimulation simulation = FleetSimulation.start(fleet, FleetSimulation.Listener.NONE)) {
            assertThat(simulation.await(Duration.ofMinutes(3))).as("the simulated days were sent").isTrue();
            assertThat(simulation.progress().failure()).isNull();
        }
        for (int day = 0; day < DAYS; day++) sendDay(LAST.minusDays(DAYS - 1 - day), day);
        awaitLatestPrediction(FAILING);
        seleniumCacheBefore = Files.exists(SELENIUM_CACHE);
        profile = Files.createTempDirectory("harbinger-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-default-apps", "--window-size=1440,1400", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // the driver binary named outright: Selenium Manager (which would download one) is never asked
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, "/usr/bin/chromedriver");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopTheBrowser() throws IOException {
        if (browser != null) browser.quit();
        if (service != null) service.stop();
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshLogs() {
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().logs().get(LogType.PERFORMANCE);
    }

    @AfterEach
    void screenshotAndCleanLogs(TestInfo test) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), StandardCopyOption.REPLACE_EXISTING);
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(e.getMessage());
        }
        assertThat(errors).as("errors in the browser console").isEmpty();
        assertThat(requestedHosts()).as("hosts the page asked").allMatch(h -> h.equals("127.0.0.1"));
        assertThat(Files.exists(SELENIUM_CACHE)).as("Selenium Manager left its cache: it ran").isEqualTo(seleniumCacheBefore);
    }

    @Test
    void fleetPage_listsTheDrivesTheApiHasAtRisk_withTheirReasons() throws Exception {
        JsonNode atRisk = Http.getJson(BASE + "/api/v1/fleet/at-risk?bucket=bad,warning&limit=50");
        Set<String> expected = new LinkedHashSet<>();
        for (JsonNode d : atRisk.path("items")) expected.add(d.path("region").asText() + "/" + d.path("host").asText() + "/" + d.path("drive").asText());
        assertThat(expected).as("the failing drive is at risk").contains(REGION + "/" + HOST + "/" + FAILING);
        for (String ok : HEALTHY) assertThat(expected).doesNotContain(REGION + "/" + HOST + "/" + ok);

        open("#/");
        List<WebElement> rows = waitFor(() -> {
            List<WebElement> r = browser.findElements(By.cssSelector("#at-risk tbody tr"));
            return r.size() == expected.size() ? r : null;
        });
        Set<String> shown = new LinkedHashSet<>();
        for (WebElement row : rows) shown.add(row.getAttribute("data-drive"));
        assertThat(shown).containsExactlyElementsOf(expected);

        WebElement failing = browser.findElement(By.cssSelector("#at-risk tr[data-drive='" + REGION + "/" + HOST + "/" + FAILING + "']"));
        JsonNode item = find(atRisk.path("items"), FAILING);
        String reasonsShown = failing.findElement(By.cssSelector("ul.reasons")).getText();
        assertThat(item.path("reasons").size()).as("the API gives reasons").isPositive();
        assertThat(reasonsShown).contains(item.path("reasons").get(0).asText());
        assertThat(failing.getText()).contains(item.path("bucket").asText());
        assertThat(browser.findElement(By.cssSelector("#regions tr[data-region='" + REGION + "']")).getText()).contains("4"); // drives in the region
        assertThat(browser.findElements(By.cssSelector("#risk-histogram canvas"))).isNotEmpty();
    }

    @Test
    void drivePage_drawsTheRiskAndSmartHistoryCharts() throws Exception {
        open("#/drive/" + REGION + "/" + HOST + "/" + FAILING);
        waitFor(() -> browser.findElements(By.cssSelector("#smart-chart canvas")).isEmpty() ? null : true);
        for (String chart : List.of("#risk-chart", "#smart-chart")) {
            WebElement canvas = browser.findElement(By.cssSelector(chart + " canvas"));
            assertThat(canvas.getSize().getWidth()).as(chart + " width").isGreaterThan(300);
            assertThat(canvas.getSize().getHeight()).as(chart + " height").isGreaterThan(100);
        }
        // the series' own colours on the canvases: the risk line (#58a6ff) and SMART 5 / 197 (first two series colours)
        assertThat(pixelsOfColour("#risk-chart canvas", 0x58, 0xa6, 0xff)).as("risk line pixels").isGreaterThan(200);
        assertThat(pixelsOfColour("#smart-chart canvas", 0x58, 0xa6, 0xff)).as("SMART 5 line pixels").isGreaterThan(200);
        assertThat(pixelsOfColour("#smart-chart canvas", 0xd2, 0x99, 0x22)).as("SMART 197 line pixels").isGreaterThan(200);
        assertThat(browser.findElement(By.cssSelector("#smart-chart")).getText()).contains("5 reallocated").contains("197 pending");
        assertThat(browser.findElement(By.id("drive-why")).getText()).contains("smart_");
    }

    @Test
    void hostPage_listsItsDrives_mostAtRiskWithItsBucket() throws Exception {
        open("#/host/" + REGION + "/" + HOST);
        List<WebElement> rows = waitFor(() -> {
            List<WebElement> r = browser.findElements(By.cssSelector("#host-drives tbody tr"));
            return r.size() == 1 + HEALTHY.size() ? r : null;
        });
        JsonNode host = Http.getJson(BASE + "/api/v1/fleet/hosts/" + REGION + "/" + HOST);
        WebElement failing = rows.stream().filter(r -> FAILING.equals(r.getAttribute("data-drive"))).findFirst().orElseThrow();
        assertThat(failing.getText()).contains(find(host.path("drives"), FAILING).path("latest").path("bucket").asText());
        assertThat(failing.findElement(By.linkText(FAILING)).getAttribute("href")).as("a drive's row leads to its page")
                .endsWith("#/drive/" + REGION + "/" + HOST + "/" + FAILING);
    }

    @Test
    void silenceMadeInThePage_silencesTheDrivesAlert_andAcknowledgeAcksIt() throws Exception {
        String path = "/api/v1/alerts?state=active&region=" + REGION;
        JsonNode alert = awaitJson(path, a -> find(a.path("items"), FAILING) != null, Duration.ofSeconds(60));
        String id = find(alert.path("items"), FAILING).path("id").asText();

        open("#/alerts");
        clickWhenThere(By.cssSelector("#alerts tr[data-alert='" + id + "'] button.silence"));
        List<String> matchers = new ArrayList<>();
        for (WebElement m : browser.findElements(By.cssSelector("#silence-matchers .matcher-row"))) {
            matchers.add(m.findElement(By.name("name")).getAttribute("value") + "=" + m.findElement(By.name("value")).getAttribute("value"));
        }
        assertThat(matchers).as("prefilled from the alert's labels").contains("region=" + REGION, "host=" + HOST, "drive=" + FAILING);
        browser.findElement(By.id("silence-submit")).click();
        waitFor(() -> browser.findElement(By.id("alerts-message")).getText().contains("created") ? true : null);

        JsonNode silenced = awaitJson("/api/v1/alerts/" + id, a -> a.path("silencedBy").size() > 0, Duration.ofSeconds(30));
        String silence = silenced.path("silencedBy").get(0).asText();
        JsonNode silences = Http.getJson(BASE + "/api/v1/silences?state=active");
        JsonNode made = null;
        for (JsonNode s : silences.isArray() ? silences : silences.path("items")) if (s.path("id").asText().equals(silence)) made = s;
        assertThat(made).as("the API lists the silence the page made").isNotNull();
        assertThat(made.path("matchers").toString()).contains(FAILING).contains(REGION);
        open("#/alerts"); // the page shows it too
        waitFor(() -> browser.findElements(By.cssSelector("#silences tr[data-silence='" + silence + "']")).isEmpty() ? null : true);
        waitFor(() -> browser.findElements(By.cssSelector("#alerts tr[data-alert='" + id + "'] .silenced")).isEmpty() ? null : true);

        clickWhenThere(By.cssSelector("#alerts tr[data-alert='" + id + "'] button.ack")); // and acknowledged, by the name given
        JsonNode acked = awaitJson("/api/v1/alerts/" + id, a -> !a.path("acknowledged").isNull() && !a.path("acknowledged").isMissingNode(), Duration.ofSeconds(30));
        assertThat(acked.path("acknowledged").path("by").asText()).isEqualTo("ops");
        waitFor(() -> browser.findElement(By.cssSelector("#alerts tr[data-alert='" + id + "']")).getText().contains("acked by ops") ? true : null);
    }

    @Test
    void systemPanel_followsTheNode_ingestRateRisesWhenDataArrives() throws Exception {
        open("#/");
        // idle first: nothing was sent for a whole rate window
        waitFor(() -> "0".equals(browser.findElement(By.id("sys-ingest-points")).getText()) ? true : null, Duration.ofSeconds(30));
        String before = browser.findElement(By.id("system")).getAttribute("data-at");
        for (int day = 0; day < 3; day++) sendHealthy(LAST.minusDays(DAYS + 3 - day), "ZIDLE" + day);
        waitFor(() -> Double.parseDouble(browser.findElement(By.id("sys-ingest-points")).getText().replace(",", "")) > 0 ? true : null);
        assertThat(browser.findElement(By.id("system")).getAttribute("data-at")).isNotEqualTo(before);
        assertThat(browser.findElement(By.id("sys-ack")).getText()).matches("[0-9.,]+ / [0-9.,]+");
        assertThat(browser.findElements(By.cssSelector("[id^='sys-loader-']"))).hasSize(2);
    }

    // --- the fleet ---------------------------------------------------------------------------------

    /** One day of the region's host: the failing drive's reallocated (5), pending (197) and offline-uncorrectable (198) sectors grow daily, the others stay at 0. */
    private static void sendDay(LocalDate date, int day) throws Exception {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        csv.append(row(FAILING, date, 8 + day * 6, day * 2, day * 8, 23 + day % 3, 17_952 + day * 24));
        for (String ok : HEALTHY) csv.append(row(ok, date, 0, 0, 0, 25, 17_952 + day * 24));
        post(date, HOST, csv.toString());
    }

    private static void sendHealthy(LocalDate date, String drive) throws Exception {
        post(date, "rack-idle", CSV_HEADER + row(drive, date, 0, 0, 0, 24, 9_000));
    }

    private static String row(String serial, LocalDate date, long reallocated, long uncorrectable, long pending, int celsius, long hours) {
        return serial + "," + date + ",ST4000DM000,0," + reallocated + "," + hours + "," + uncorrectable + ",0,34046," + celsius + ","
                + pending + "," + pending / 2 + ",39414155008,52891914613\n";
    }

    private static void post(LocalDate date, String host, String csv) throws Exception {
        HttpResponse<String> r = Http.post(BASE + "/api/v1/import/backblaze?date=" + date + "&host=" + host + "&region=" + REGION,
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static void awaitLatestPrediction(String drive) throws Exception {
        String path = "/api/v1/fleet/drives/" + REGION + "/" + HOST + "/" + drive;
        awaitJson(path, d -> d.path("latest").path("ts").asText().startsWith(LAST.toString()), Duration.ofSeconds(90));
    }

    private static JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = Http.get(BASE + path);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonNode body = Http.json(r.body());
                if (done.test(body)) return body;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not answer as awaited within " + timeout + "; last: " + last.substring(0, Math.min(400, last.length())));
    }

    private static JsonNode find(JsonNode items, String drive) {
        for (JsonNode i : items) {
            if (drive.equals(i.path("drive").asText()) || drive.equals(i.path("labels").path("drive").asText())) return i;
        }
        return null;
    }

    // --- the browser -------------------------------------------------------------------------------

    private static void open(String hash) {
        String target = BASE + "/" + hash;
        if (browser.getCurrentUrl() != null && browser.getCurrentUrl().startsWith(BASE)) {
            browser.executeScript("location.hash = arguments[0]", hash.substring(1));
        } else {
            browser.get(target);
        }
        waitFor(() -> "ready".equals(browser.findElement(By.id("view")).getAttribute("data-state"))
                && browser.getCurrentUrl().endsWith(hash.substring(1)) ? true : null);
    }

    /** Clicks what {@code by} finds once it is there, again if the page re-rendered it in between. */
    private static void clickWhenThere(By by) {
        waitFor(() -> {
            List<WebElement> found = browser.findElements(by);
            if (found.isEmpty()) return null;
            found.getFirst().click();
            return true;
        });
    }

    private static <T> T waitFor(java.util.function.Supplier<T> condition) {
        return waitFor(condition, Duration.ofSeconds(20));
    }

    private static <T> T waitFor(java.util.function.Supplier<T> condition, Duration timeout) {
        // the page re-renders its tables as fresh data arrives: an element found a moment ago may be gone; ask again
        return new WebDriverWait(browser, timeout, Duration.ofMillis(200)).ignoring(StaleElementReferenceException.class).until(d -> condition.get());
    }

    /** Canvas pixels within a small distance of one colour (uPlot draws each series in its stroke colour). */
    private static long pixelsOfColour(String css, int r, int g, int b) {
        Object n = ((JavascriptExecutor) browser).executeScript("""
                const c = document.querySelector(arguments[0]);
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 0; i < d.length; i += 4) {
                  if (d[i + 3] > 200 && Math.abs(d[i] - arguments[1]) < 24 && Math.abs(d[i + 1] - arguments[2]) < 24 && Math.abs(d[i + 2] - arguments[3]) < 24) n++;
                }
                return n;""", css, r, g, b);
        return ((Number) n).longValue();
    }

    /** The hosts of every request the page made since the last look (chromium's network events; every scheme but data: and blob: counts). */
    private static Set<String> requestedHosts() throws IOException {
        Set<String> hosts = new LinkedHashSet<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = Http.json(e.getMessage()).path("message");
            if (!message.path("method").asText().equals("Network.requestWillBeSent")) continue;
            String document = message.path("params").path("documentURL").asText();
            if (document.startsWith("chrome:") || document.startsWith("about:")) continue; // the browser's own blank tab, not the page
            String url = message.path("params").path("request").path("url").asText();
            if (url.startsWith("data:") || url.startsWith("blob:")) continue;
            hosts.add(URI.create(url).getHost());
        }
        return hosts;
    }

}
