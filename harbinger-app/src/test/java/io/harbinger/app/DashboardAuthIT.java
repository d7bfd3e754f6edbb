package io.harbinger.app;

import io.harbinger.auth.AuthConfig;
import io.harbinger.auth.key.Keys;
import io.harbinger.auth.store.PostgresAuditLog;
import io.harbinger.auth.store.PostgresKeyStore;
import io.harbinger.core.config.Settings;
import io.harbinger.pipeline.PipelineConfig;
import io.harbinger.schema.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless browser against a node with {@code --auth keys} (every role, on the shared
 * broker and a database of its own): the page loads without a key, asks for one at its first 401, and
 * with a read key shows the fleet view and the system strip (polled: an EventSource cannot send the key).
 */
class DashboardAuthIT {
    private static Harbinger node;
    private static String base;
    private static String reader;
    private static ChromeDriverService service;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void startANodeWithKeysAndTheBrowser() throws Exception {
        Harbinger shared = SharedNode.get();
        String id = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(shared.bundledPostgresUrl("postgres").orElseThrow(), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE dashauth_" + id);
        }
        String postgres = shared.bundledPostgresUrl("dashauth_" + id).orElseThrow();
        Settings settings = Settings.builder(ServeConfig.SETTINGS).set(ServeConfig.PORT, 0)
                .set(ServeConfig.DATA_DIR, Files.createTempDirectory("harbinger-dashauth-")).set(ServeConfig.KAFKA, Optional.of(shared.bootstrapServers()))
                .set(StoreSettings.POSTGRES, Optional.of(postgres))
                .set(PipelineConfig.TOPIC_PREFIX, "dashauth-" + id + ".").set(PipelineConfig.APPLICATION_ID, "dashauth-" + id)
                .set(PipelineConfig.PARTITIONS, 1).set(PipelineConfig.SAMPLES_RETENTION, Duration.ofDays(1)).set(AuthConfig.AUTH, Optional.of(AuthConfig.Mode.KEYS)).build();
        node = Harbinger.start(ServeConfig.from(settings, ""), Clock.systemUTC());
        base = "http://127.0.0.1:" + node.port();
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(postgres);
        db.setUser("postgres");
        reader = new Keys(new PostgresKeyStore(db), new PostgresAuditLog(db), new SecureRandom(), Clock.systemUTC())
                .create(Keys.cli("test", "default"), "default", Set.of(Role.READ)).key().token();

        profile = Files.createTempDirectory("harbinger-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-default-apps", "--window-size=1440,1000", "--user-data-dir=" + profile);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, "/usr/bin/chromedriver");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (service != null) service.stop();
        if (node != null) node.close();
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void thePage_asksForAKeyAtItsFirst401_andWithAReadKeyShowsTheFleetAndTheSystemStrip() {
        browser.get(base + "/#/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200));
        var prompt = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(prompt.getText()).contains("asks for an API key").contains("no API key");
        prompt.sendKeys(reader);
        prompt.accept();

        wait.until(d -> "ready".equals(d.findElement(By.id("view")).getAttribute("data-state")));
        wait.until(d -> d.findElement(By.id("system")).getAttribute("data-at") != null);
        String first = browser.findElement(By.id("system")).getAttribute("data-at");
        wait.until(d -> !first.equals(d.findElement(By.id("system")).getAttribute("data-at"))); // polled with the key
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('harbinger.apiKey')")).isEqualTo(reader);
    }
}
