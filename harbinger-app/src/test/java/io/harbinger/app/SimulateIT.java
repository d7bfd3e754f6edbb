package io.harbinger.app;

import io.harbinger.predict.model.AlertThresholds;
import io.harbinger.predict.model.ModelHolder;
import io.harbinger.simulate.fleet.FleetShape;
import io.harbinger.simulate.fleet.SmartReading;
import io.harbinger.simulate.send.FleetSimulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet simulator against a real node (the shared in-process one: embedded Kafka, bundled PostgreSQL,
 * the shipped model): 50 simulated days of 20 hosts x 4 drives, sent as fast as the node acknowledges,
 * with a failure boost that makes failures common. Every acknowledged reading is stored, host metrics
 * arrive, and the shipped model, never shown a simulated drive, rates simulated failing drives warning or
 * bad before they fail: the trajectories are realistic enough for it.
 */
class SimulateIT {
    private static final FleetShape SHAPE = new FleetShape(20, 4, 4);
    private static final int DAYS = 50;
    private static final long SEED = 9;
    private static final double BOOST = 150;

    private static FleetSimulation.Progress progress;
    private static final Map<String, SmartReading> failedDrives = new ConcurrentHashMap<>();
    private static LocalDate first;

    @BeforeAll
    static void simulate() throws Exception {
        SharedNode.get();
        FleetSimulation.Options options = FleetSimulation.Options.of(URI.create(SharedNode.base()), SHAPE).withSeed(SEED)
                .withFailureBoost(BOOST).withStartDaysAgo(DAYS + 5).withSpeed(0).withDays(DAYS).withHostMetricsInterval(Duration.ofMillis(500));
        first = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS + 5);
        try (FleetSimulation sim = FleetSimulation.start(options, new FleetSimulation.Listener() {
            @Override
            public void driveFailed(SmartReading last) {
                failedDrives.put(last.serial(), last);
            }
        })) {
            assertThat(sim.await(Duration.ofMinutes(5))).as("the simulation ends after its days").isTrue();
            progress = sim.progress();
        }
        System.out.printf("SimulateIT: %s%n", progress);
    }

    @Test
    void everyDay_isAcknowledged_andEveryReadingWritten() {
        assertThat(progress.failure()).isNull();
        assertThat(progress.daysSent()).isEqualTo(DAYS);
        assertThat(progress.currentDay()).isEqualTo(first.plusDays(DAYS - 1));
        assertThat(progress.rowsAcked()).isEqualTo((long) DAYS * SHAPE.drives());
        assertThat(progress.requests()).isEqualTo((long) DAYS * SHAPE.hosts());
        assertThat(progress.drivesFailed()).as("the boost makes failures common").isEqualTo(failedDrives.size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theNodeStores_everyAcknowledgedReading_perHost() throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        for (int h = 0; h < SHAPE.hosts(); h++) expected.put(SHAPE.region(h) + "/" + SHAPE.host(h), (long) DAYS * SHAPE.drivesPerHost());
        Map<String, Long> stored = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            stored = storedPerHost();
            if (stored.equals(expected)) break;
            Thread.sleep(500);
        }
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void hostMetrics_arrive() throws Exception {
        assertThat(progress.hostMetricLines()).isGreaterThan(0);
        assertThat(Http.hostPoints(SharedNode.base(), SHAPE.region(0), SHAPE.host(0), 1)).isGreaterThan(0);
    }

    @Test
    void theShippedModel_flagsSimulatedFailingDrives_beforeTheyFail() throws Exception {
        AlertThresholds thresholds = ModelHolder.bundled().get().info().thresholds();
        Map<String, Double> maxBeforeFailure = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        // every acknowledged reading stored first: a drive with nothing stored yet would count as "every day scored"
        while (storedPerHost().values().stream().mapToLong(Long::longValue).sum() < progress.rowsAcked() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        int scored;
        do {
            maxBeforeFailure.clear();
            scored = 0;
            for (SmartReading f : failedDrives.values()) {
                List<Double> p = probabilitiesUpTo(f);
                long life = lifeDays(f);
                if (life > 0 && p.size() == life) scored++;
                p.stream().max(Double::compare).ifPresent(m -> maxBeforeFailure.put(f.serial(), m));
            }
            if (scored == failedDrives.size()) break;
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        assertThat(scored).as("every failed drive's every day is scored").isEqualTo(failedDrives.size());
        long flagged = maxBeforeFailure.values().stream().filter(p -> p >= thresholds.warning()).count();
        long bad = maxBeforeFailure.values().stream().filter(p -> p >= thresholds.alert()).count();
        System.out.printf("SimulateIT: %d of %d simulated failed drives rated warning or bad (p >= %.4f), %d bad (p >= %.4f), on or before their failure day%n",
                flagged, failedDrives.size(), thresholds.warning(), bad, thresholds.alert());
        assertThat(flagged).as("simulated failed drives the shipped model rated warning or bad before failing").isGreaterThanOrEqualTo(1);
    }

    /** Days the failed drive reported in the simulation (it may have been installed during it). */
    private static long lifeDays(SmartReading f) throws Exception {
        try (Connection c = db(f.region()).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM disk_samples WHERE region = ? AND drive = ? AND host = ?")) {
            s.setString(1, f.region());
            s.setString(2, f.serial());
            s.setString(3, f.host());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Double> probabilitiesUpTo(SmartReading f) throws Exception {
        List<Double> out = new ArrayList<>();
        try (Connection c = db(f.region()).getConnection();
             PreparedStatement s = c.prepareStatement("SELECT probability FROM predictions WHERE region = ? AND drive = ? AND host = ? AND ts <= ?")) {
            s.setString(1, f.region());
            s.setString(2, f.serial());
            s.setString(3, f.host());
            s.setObject(4, f.day().atStartOfDay().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) out.add(rs.getDouble(1));
            }
        }
        return out;
    }

    private static Map<String, Long> storedPerHost() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (int r = 0; r < SHAPE.regions(); r++) {
            String region = SHAPE.region(r);
            try (Connection c = db(region).getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT host, count(*) FROM disk_samples WHERE region = ? AND drive LIKE 'SIM%' "
                         + "AND ts >= ? AND ts < ? GROUP BY host")) {
                s.setString(1, region);
                s.setObject(2, first.atStartOfDay().atOffset(ZoneOffset.UTC));
                s.setObject(3, first.plusDays(DAYS).atStartOfDay().atOffset(ZoneOffset.UTC));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) out.put(region + "/" + rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private static DataSource db(String region) {
        return SharedNode.get().primaryFor(region);
    }

}
