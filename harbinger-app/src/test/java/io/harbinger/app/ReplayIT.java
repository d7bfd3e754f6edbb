package io.harbinger.app;

import io.harbinger.core.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelHolder;
import io.harbinger.predict.offline.FleetLayout;
import io.harbinger.predict.offline.FleetScan;
import io.harbinger.predict.offline.FleetScores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online equals offline: a slice of the real Backblaze fleet replayed through the live HTTP import
 * (harbinger replay's code) gets, in PostgreSQL, exactly the per-drive scores and alerts that the offline
 * evaluation path computes for the same model and days — same features code, same model, bit for bit.
 */
class ReplayIT {
    private static final LocalDate FROM = LocalDate.of(2018, 3, 1);
    private static final LocalDate TO = LocalDate.of(2018, 3, 12);
    private static final int PERMILLE = 25;
    private static final Predicate<String> DRIVES = DriveSubset.of(PERMILLE);

    private static Path data;
    private static Map<String, Float> offline;      // drive/day -> probability
    private static Map<String, LocalDate> offlineFirstFlag;
    private static String version;

    @BeforeAll
    static void replayAndScoreOffline() throws Exception {
        data = TestData.resolve("backblaze-st4000dm000-2018-h1");
        Harbinger node = SharedNode.get();
        new FleetReplay(new FleetReplay.Options(URI.create(SharedNode.base()), data, FROM, TO, 0, FleetLayout.DEFAULT, DRIVES, 8)).run();

        FleetScores rows = new FleetScores();
        FleetScan.scan(data, FROM, TO, 0, DRIVES, rows::add);
        FailureModel model = ModelHolder.bundled().get();
        version = model.version();
        assertThat(node.modelVersion()).isEqualTo(version);
        float[] p = rows.probabilities(model);
        offline = new HashMap<>();
        offlineFirstFlag = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.drive(i) + "/" + LocalDate.ofEpochDay(rows.epochDay(i));
            offline.put(key, p[i]);
            if (p[i] >= model.info().thresholds().alert()) offlineFirstFlag.merge(rows.drive(i), LocalDate.ofEpochDay(rows.epochDay(i)), (a, b) -> a.isBefore(b) ? a : b);
        }
        assertThat(offline).as("the slice holds drive-days").hasSizeGreaterThan(1000);
        assertThat(offlineFirstFlag).as("the slice holds drives the model flags, so the alert comparison means something").isNotEmpty();
        System.out.printf("ReplayIT: %d drive-days of %d drives, %d flagged offline%n", offline.size(),
                offline.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().count(), offlineFirstFlag.size());
    }

    @Test
    void everyReplayedSample_isScoredOnline_withTheOfflineProbability() throws Exception {
        Map<String, Double> online = awaitPredictions(offline.size());
        assertThat(online.keySet()).containsExactlyInAnyOrderElementsOf(offline.keySet());
        Map<String, String> differing = new TreeMap<>();
        offline.forEach((key, p) -> {
            if (online.get(key) != (double) p) differing.put(key, "offline " + p + " online " + online.get(key));
        });
        assertThat(differing).as("per drive-day scores, online vs offline").isEmpty();
    }

    @Test
    void alertsRaisedOnline_areTheDrivesFlaggedOffline_onTheirFirstFlaggedDay() throws Exception {
        awaitPredictions(offline.size());
        Map<String, LocalDate> online = new TreeMap<>();
        for (String region : FleetLayout.DEFAULT.regions()) {
            JsonNode alerts = Http.getJson(SharedNode.base() + "/api/v1/episodes?region=" + region + "&from=" + FROM + "T00:00:00Z&to=" + TO.plusDays(1) + "T00:00:00Z");
            for (JsonNode a : alerts) {
                assertThat(a.path("modelVersion").asText()).isEqualTo(version);
                online.merge(a.path("drive").asText(), LocalDate.parse(a.path("raisedAt").asText().substring(0, 10)), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        assertThat(online).isEqualTo(offlineFirstFlag);
    }

    /** drive/day -> probability of the replayed regions' predictions in the slice, once as many as expected arrived. */
    private static Map<String, Double> awaitPredictions(int expected) throws Exception {
        DataSource db = SharedNode.get().primaryFor(FleetLayout.DEFAULT.regions().getFirst());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<String, Double> rows;
        do {
            rows = predictions(db);
            if (rows.size() >= expected) return rows;
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return rows;
    }

    private static Map<String, Double> predictions(DataSource db) throws Exception {
        Map<String, Double> rows = new HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT drive, ts, probability, model_version FROM predictions "
                     + "WHERE region = ANY (?) AND ts >= ? AND ts < ?")) {
            s.setArray(1, c.createArrayOf("text", FleetLayout.DEFAULT.regions().toArray()));
            s.setObject(2, FROM.atStartOfDay().atOffset(ZoneOffset.UTC));
            s.setObject(3, TO.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getString(4)).isEqualTo(version);
                    LocalDate day = rs.getObject(2, OffsetDateTime.class).toLocalDate();
                    Double previous = rows.put(rs.getString(1) + "/" + day, rs.getDouble(3));
                    assertThat(previous).as("one prediction per drive-day").isNull();
                }
            }
        }
        return rows;
    }
}
