package io.harbinger.app;

import io.harbinger.core.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.predict.model.AlarmPolicy;
import io.harbinger.predict.model.AlertThresholds;
import io.harbinger.predict.model.Assessment;
import io.harbinger.predict.model.Calibration;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelFile;
import io.harbinger.predict.model.ModelHolder;
import io.harbinger.predict.model.TestModels;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.predict.offline.FleetLayout;
import io.harbinger.predict.offline.FleetScan;
import io.harbinger.predict.offline.FleetScores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Files;
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
 * (harbinger replay's code) gets, in PostgreSQL, exactly the per-drive risks, buckets and alerts that the
 * offline evaluation path computes for the same model and days — same features code, same model, same
 * alarm policy and calibration chain ({@link FailureModel#assessDays}), bit for bit. The model is the
 * shipped trees under a 2-of-3-days alarm and Platt calibrations, so the stream's persistence score (from
 * the raw probabilities its drive histories keep) is what is compared, not a single day's probability.
 */
class ReplayIT {
    private static final LocalDate FROM = LocalDate.of(2018, 3, 1);
    private static final LocalDate TO = LocalDate.of(2018, 3, 12);
    private static final int PERMILLE = 25;
    private static final Predicate<String> DRIVES = DriveSubset.of(PERMILLE);

    private static Path data;
    private static Map<String, Stored> offline;      // drive/day -> risk and bucket
    private static Map<String, LocalDate> offlineFirstFlag;
    private static String version;

    /** What is stored of one drive-day: the calibrated risk (column probability) and the bucket. */
    private record Stored(double risk, String bucket) {}

    @BeforeAll
    static void replayAndScoreOffline() throws Exception {
        data = TestData.resolve("backblaze-st4000dm000-2018-h1");
        Harbinger node = SharedNode.get();
        FailureModel model = twoOfThreeCalibrated();
        version = model.version();
        ModelFile.write(model, SharedNode.modelFile());
        Http.post(SharedNode.base() + "/api/v1/model/reload", "application/json", new byte[0]);
        assertThat(node.modelVersion()).isEqualTo(version);
        new FleetReplay(new FleetReplay.Options(URI.create(SharedNode.base()), data, FROM, TO, 0, FleetLayout.DEFAULT, DRIVES, 8)).run();

        offline = new HashMap<>();
        offlineFirstFlag = new TreeMap<>();
        scoreOffline(model);
        model.close();
        assertThat(offline).as("the slice holds drive-days").hasSizeGreaterThan(1000);
        assertThat(offlineFirstFlag).as("the slice holds drives the model flags, so the alert comparison means something").isNotEmpty();
        assertThat(offline.values()).extracting(Stored::bucket).as("every bucket occurs").contains("good", "warning", "bad", "unknown");
        System.out.printf("ReplayIT: %d drive-days of %d drives, %d flagged offline%n", offline.size(),
                offline.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().count(), offlineFirstFlag.size());
    }

    /** The shipped trees (the same raw probabilities) under a 2-of-3-days alarm and Platt calibrations, thresholds mapped through them. */
    private static FailureModel twoOfThreeCalibrated() {
        FailureModel shipped = ModelHolder.bundled().get();
        Calibration risk = new Calibration(1.3, -0.4), warningRisk = new Calibration(0.9, 0.6);
        AlertThresholds t = shipped.info().thresholds();
        AlertThresholds mapped = new AlertThresholds(risk.risk(t.alert()), warningRisk.risk(t.warning()), t.minHistoryDays());
        try {
            return TestModels.withAlarm(shipped, shipped.info().warningDays(), mapped, new AlarmPolicy(2, 3), risk, warningRisk);
        } finally {
            shipped.close();
        }
    }

    /** The offline chain: raw probabilities of the scan's rows, then each drive's days through {@link FailureModel#assessDays}. */
    private static void scoreOffline(FailureModel model) {
        FleetScores rows = new FleetScores();
        FleetScan.scan(data, FROM, TO, 0, DRIVES, rows::add);
        rows.forEachDrive(rows.probabilities(model), d -> true, drive -> { // each drive's rows in day order (the scan walks days in order)
            String serial = rows.drive(drive.rows()[0]);
            Assessment[] assessed = model.assessDays(drive.days(), drive.raw(), drive.historyDays());
            for (int j = 0; j < assessed.length; j++) {
                LocalDate day = LocalDate.ofEpochDay(drive.days()[j]);
                offline.put(serial + "/" + day, new Stored(assessed[j].risk(), assessed[j].bucket().label()));
                if (assessed[j].bucket() == Bucket.BAD) offlineFirstFlag.merge(serial, day, (x, y) -> x.isBefore(y) ? x : y);
            }
        });
    }

    @AfterAll
    static void restoreShippedModel() throws Exception {
        Files.write(SharedNode.modelFile(), SharedNode.shippedModel());
        Http.post(SharedNode.base() + "/api/v1/model/reload", "application/json", new byte[0]);
    }

    @Test
    void everyReplayedSample_isScoredOnline_withTheOfflineRiskAndBucket() throws Exception {
        Map<String, Stored> online = awaitPredictions(offline.size());
        assertThat(online.keySet()).containsExactlyInAnyOrderElementsOf(offline.keySet());
        Map<String, String> differing = new TreeMap<>();
        offline.forEach((key, expected) -> {
            Stored actual = online.get(key);
            if (Double.doubleToRawLongBits(actual.risk()) != Double.doubleToRawLongBits(expected.risk()) || !actual.bucket().equals(expected.bucket())) {
                differing.put(key, "offline " + expected + " online " + actual);
            }
        });
        assertThat(differing).as("per drive-day risks and buckets, online vs offline").isEmpty();
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

    /** drive/day -> risk and bucket of the replayed regions' predictions in the slice, once as many as expected arrived. */
    private static Map<String, Stored> awaitPredictions(int expected) throws Exception {
        DataSource db = SharedNode.get().primaryFor(FleetLayout.DEFAULT.regions().getFirst());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<String, Stored> rows;
        do {
            rows = predictions(db);
            if (rows.size() >= expected) return rows;
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return rows;
    }

    private static Map<String, Stored> predictions(DataSource db) throws Exception {
        Map<String, Stored> rows = new HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT drive, ts, probability, model_version, bucket FROM predictions "
                     + "WHERE region = ANY (?) AND ts >= ? AND ts < ?")) {
            s.setArray(1, c.createArrayOf("text", FleetLayout.DEFAULT.regions().toArray()));
            s.setObject(2, FROM.atStartOfDay().atOffset(ZoneOffset.UTC));
            s.setObject(3, TO.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getString(4)).isEqualTo(version);
                    LocalDate day = rs.getObject(2, OffsetDateTime.class).toLocalDate();
                    Stored previous = rows.put(rs.getString(1) + "/" + day, new Stored(rs.getDouble(3), rs.getString(5)));
                    assertThat(previous).as("one prediction per drive-day").isNull();
                }
            }
        }
        return rows;
    }
}
