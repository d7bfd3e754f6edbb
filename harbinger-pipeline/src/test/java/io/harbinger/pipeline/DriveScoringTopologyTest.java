package io.harbinger.pipeline;

import io.harbinger.schema.TestPoints;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.schema.wire.PointBatchCodec;
import io.harbinger.pipeline.serde.CodecSerde;
import io.harbinger.predict.feature.DriveHistory;
import io.harbinger.predict.feature.DriveReading;
import io.harbinger.predict.feature.Features;
import io.harbinger.predict.model.AlarmPolicy;
import io.harbinger.predict.model.AlertThresholds;
import io.harbinger.predict.model.Assessment;
import io.harbinger.predict.model.Calibration;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelFile;
import io.harbinger.predict.model.ModelHolder;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.schema.topic.Topics;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static io.harbinger.schema.TestPoints.disk;
import static org.assertj.core.api.Assertions.assertThat;

/** The scoring step behind the host-state step, as {@link Pipeline} builds them, on the shipped model. */
class DriveScoringTopologyTest {
    private static final Topics TOPICS = new Topics("t.");
    private static final java.time.Duration RESCORE = java.time.Duration.ofHours(1); // the default
    private static final String SAMPLES = TOPICS.samples().name();
    private static final Instant ARRIVAL = Instant.parse("2026-01-01T00:00:01Z");
    private static FailureModel shipped;

    @TempDir
    Path stateDir;
    private final CorruptRecords corrupt = new CorruptRecords();
    private final AtomicLong fingerprints = new AtomicLong(1);
    private final Map<String, DriveHistory> offline = new HashMap<>();
    private final ScoringCounters counters = new ScoringCounters();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> samples;
    private TestOutputTopic<String, PredictionBatch> predictions;

    @BeforeAll
    static void loadModel() {
        shipped = ModelHolder.bundled().get();
    }

    private void start(Supplier<FailureModel> models) {
        StreamsBuilder builder = new StreamsBuilder();
        DriveScoringTopology.build(builder, HostStatsTopology.build(builder, SAMPLES), TOPICS.predictions(), models, RESCORE, counters);
        driver = new TopologyTestDriver(builder.build(), Pipeline.streamsConfig(PipelineConfig.defaults("127.0.0.1:9092", stateDir), corrupt));
        samples = driver.createInputTopic(SAMPLES, new StringSerializer(), new ByteArraySerializer());
        predictions = driver.createOutputTopic(TOPICS.predictions().name(), new StringDeserializer(), CodecSerde.of(TOPICS.predictions().values()).deserializer());
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) driver.close();
    }

    @Test
    void eachDiskSample_yieldsOnePrediction_withTheSamplesIdentity_andTheOfflineProbability() {
        start(ModelHolder.fixed(shipped));
        List<Point> request = new ArrayList<>();
        for (int d = 0; d < 20; d++) request.add(disk("eu", "h1", "ZA" + d, 3, d * 40)); // more drives than the processor's first buffers
        request.add(TestPoints.host("eu", "h1", TestPoints.day(3)));

        send(request);

        List<KeyValue<String, PredictionBatch>> out = predictions.readKeyValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo("eu/h1");
        List<ScoredSample> scored = out.get(0).value.scored();
        assertThat(scored).hasSize(20);
        for (int d = 0; d < 20; d++) {
            ScoredSample p = scored.get(d);
            assertThat(List.of(p.region(), p.host(), p.drive())).containsExactly("eu", "h1", "ZA" + d);
            assertThat(p.timestampNanos()).isEqualTo(TestPoints.day(3));
            assertThat(p.prediction().modelVersion()).isEqualTo(shipped.version());
            Assessment expected = expectedAssessment(shipped, request.get(d));
            assertThat(probability(p)).isBetween(0.0, 1.0).isEqualTo(expected.risk());
            assertThat(p.prediction().bucket()).isEqualTo(expected.bucket());
        }
        assertThat(out.get(0).value.alerts()).as("a bad drive's first day starts its episode")
                .containsExactlyElementsOf(scored.stream().filter(p -> p.prediction().bucket() == Bucket.BAD).toList())
                .isNotEmpty();
    }

    @Test
    void aDrivesDailySamples_areScoredOnItsWholeHistory_likeTheOfflineFeatures() {
        start(ModelHolder.fixed(shipped));
        List<Double> expected = new ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            Point sample = disk("eu", "h1", "ZA1", day, day > 6 ? (day - 6) * 8 : 0);
            expected.add(expectedProbability(shipped, sample));
            send(List.of(sample));
        }

        List<Double> actual = predictions.readValuesToList().stream().map(b -> probability(single(b))).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        DriveHistory alone = new DriveHistory();
        Point day12 = disk("eu", "h1", "ZA1", 12, 48);
        alone.add(DriveReading.of(day12).orElseThrow());
        assertThat(probabilityOf(shipped, alone, epochDay(day12))).as("the history matters").isNotEqualTo(expected.get(11));
    }

    @Test
    void aDrivesRepeatedSamplesOfADay_areScoredOnce_untilACounterChangesOrTheRescoreIntervalPasses() {
        start(ModelHolder.fixed(shipped));
        long day = TestPoints.day(3);
        long minute = 60_000_000_000L;
        send(List.of(disk("eu", "h1", "ZA1", 3, 0)));
        send(List.of(at(disk("eu", "h1", "ZA1", 3, 0), day + minute, 31))); // temperature moved: a repeat
        send(List.of(at(disk("eu", "h1", "ZA1", 3, 0), day + 2 * minute, 32)));
        send(List.of(at(disk("eu", "h1", "ZA1", 3, 8), day + 3 * minute, 32))); // SMART 5 and 197 grew
        send(List.of(at(disk("eu", "h1", "ZA1", 3, 8), day + 63 * minute, 33))); // an hour after the last scored one
        send(List.of(disk("eu", "h1", "ZA1", 4, 8))); // a new day

        List<Long> scored = predictions.readValuesToList().stream().map(b -> single(b).timestampNanos()).toList();
        assertThat(scored).containsExactly(day, day + 3 * minute, day + 63 * minute, TestPoints.day(4));
        assertThat(counters.coalesced()).isEqualTo(2);
    }

    @Test
    void aCoalescedDay_isScoredLikeTheOfflineFeaturesOfItsLastScoredReading() {
        start(ModelHolder.fixed(shipped));
        List<Double> expected = new ArrayList<>(); // offline: one reading a day, the day's first (the repeats were not judged)
        for (int day = 1; day <= 9; day++) {
            Point first = disk("eu", "h1", "ZA1", day, day > 4 ? day * 3 : 0);
            expected.add(expectedProbability(shipped, first));
            send(List.of(first));
            send(List.of(at(first, TestPoints.day(day) + 1_000_000_000L, 40)));
        }

        List<Double> online = predictions.readValuesToList().stream().map(b -> probability(single(b))).toList();
        assertThat(online).containsExactlyElementsOf(expected);
        assertThat(counters.coalesced()).isEqualTo(9);
    }

    @Test
    void rescoreIntervalZero_scoresEverySample() {
        StreamsBuilder builder = new StreamsBuilder();
        DriveScoringTopology.build(builder, HostStatsTopology.build(builder, SAMPLES), TOPICS.predictions(), ModelHolder.fixed(shipped), java.time.Duration.ZERO, counters);
        driver = new TopologyTestDriver(builder.build(), Pipeline.streamsConfig(PipelineConfig.defaults("127.0.0.1:9092", stateDir), corrupt));
        samples = driver.createInputTopic(SAMPLES, new StringSerializer(), new ByteArraySerializer());
        predictions = driver.createOutputTopic(TOPICS.predictions().name(), new StringDeserializer(), CodecSerde.of(TOPICS.predictions().values()).deserializer());

        for (int i = 0; i < 3; i++) send(List.of(at(disk("eu", "h1", "ZA1", 3, 0), TestPoints.day(3) + i, 30)));

        assertThat(predictions.readValuesToList()).hasSize(3);
        assertThat(counters.coalesced()).isZero();
    }

    /** {@code p} at another instant of its day with another temperature (SMART 194). */
    private static Point at(Point p, long timestampNanos, double temperature) {
        List<Field> fields = p.fields().stream().map(f -> f.name().equals("smart_194_raw") ? new Field(f.name(), temperature) : f).toList();
        return new Point(p.measurement(), p.region(), p.host(), p.drive(), p.tags(), fields, timestampNanos);
    }

    @Test
    void hostLevelPoints_andSmartPointsWithoutADrive_produceNoRecord() {
        start(ModelHolder.fixed(shipped));
        Point driveless = new Point("smart", "eu", "h1", "", List.of(), List.of(new Field("smart_5_raw", 3)), TestPoints.day(1));
        Point otherMeasurement = new Point("nvme", "eu", "h1", "ZA1", List.of(), List.of(new Field("smart_5_raw", 3)), TestPoints.day(1));

        send(List.of(TestPoints.host("eu", "h1", TestPoints.day(1))));
        send(List.of(driveless, otherMeasurement));
        send(List.of(disk("eu", "h1", "ZA1", 1, 0)));

        assertThat(predictions.readValuesToList()).singleElement()
                .satisfies(b -> assertThat(single(b).drive()).isEqualTo("ZA1"));
    }

    @Test
    void bucket_isUnknownBeforeMinHistoryDays_thenGoodOrWarning() {
        start(ModelHolder.fixed(shipped));
        int minDays = shipped.info().thresholds().minHistoryDays();
        for (int day = 1; day <= minDays; day++) send(List.of(disk("eu", "h1", "ZA1", day, 0)));

        List<ScoredSample> points = predictions.readValuesToList().stream().map(DriveScoringTopologyTest::single).toList();
        assertThat(points).hasSize(minDays).allSatisfy(p -> assertThat(probability(p)).isLessThan(shipped.info().thresholds().alert()));
        assertThat(points.subList(0, minDays - 1)).extracting(DriveScoringTopologyTest::bucket).containsOnly("unknown");
        assertThat(bucket(points.get(minDays - 1))).isIn("good", "warning");
    }

    @Test
    void bucket_isBadOnTheFirstDay_whenTheProbabilityReachesTheAlertThreshold() {
        FailureModel smart5 = smart5Model(10);
        start(ModelHolder.fixed(smart5));

        send(List.of(disk("eu", "h1", "ZA1", 1, 900), disk("eu", "h1", "ZA2", 1, 0)));

        PredictionBatch batch = predictions.readValuesToList().get(0);
        ScoredSample bad = batch.scored().stream().filter(p -> p.drive().equals("ZA1")).findFirst().orElseThrow();
        ScoredSample healthy = batch.scored().stream().filter(p -> p.drive().equals("ZA2")).findFirst().orElseThrow();
        assertThat(probability(bad)).isGreaterThanOrEqualTo(0.5);
        assertThat(bucket(bad)).isEqualTo("bad");
        assertThat(bucket(healthy)).isEqualTo("unknown");
        assertThat(batch.alerts()).containsExactly(bad);
    }

    @Test
    void aDriveWhoseErrorCountersGrowSharply_raisesOneAlertForTheEpisode_withTheShippedModel() {
        start(ModelHolder.fixed(shipped));
        for (int day = 1; day <= 10; day++) send(List.of(disk("eu", "h1", "ZA1", day, 0)));
        for (int day = 11; day <= 20; day++) send(List.of(disk("eu", "h1", "ZA1", day, (day - 10) * 300)));

        List<PredictionBatch> out = predictions.readValuesToList();
        List<ScoredSample> alerts = out.stream().flatMap(b -> b.alerts().stream()).toList();
        List<ScoredSample> flagged = out.stream().flatMap(b -> b.scored().stream())
                .filter(p -> probability(p) >= shipped.info().thresholds().alert()).toList();
        assertThat(flagged).as("days at or above the alert threshold").hasSizeGreaterThan(1);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.drive()).isEqualTo("ZA1");
            assertThat(a.timestampNanos()).isEqualTo(flagged.get(0).timestampNanos());
            assertThat(a.prediction().modelVersion()).isEqualTo(shipped.version());
            assertThat(probability(a)).isEqualTo(probability(flagged.get(0)));
        });
    }

    @Test
    void anExplainedPrediction_carriesTheObservedFactsOfTheCountersItsTopFeaturesAreAbout() {
        start(ModelHolder.fixed(shipped));
        for (int day = 1; day <= 10; day++) send(List.of(disk("eu", "h1", "ZA1", day, 0)));
        for (int day = 11; day <= 20; day++) send(List.of(disk("eu", "h1", "ZA1", day, (day - 10) * 300)));

        List<ScoredSample> scored = predictions.readValuesToList().stream().map(DriveScoringTopologyTest::single).toList();
        ScoredSample alert = scored.stream().filter(p -> probability(p) >= shipped.info().thresholds().alert()).findFirst().orElseThrow();
        int day = scored.indexOf(alert) + 1;
        // disk(): SMART 5 and 197 at 0 on days 1..10, then 300 a day; 187, 188, 198 at 0 throughout
        List<String> expected = new ArrayList<>();
        List<Integer> counters = new ArrayList<>();
        for (Contribution c : alert.prediction().topFeatures()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("smart_(\\d+)_.*").matcher(c.feature());
            if (c.feature().equals("pending_to_reallocated_30d")) counters.addAll(List.of(197, 5));
            else if (m.matches()) counters.add(Integer.parseInt(m.group(1)));
        }
        for (int counter : counters) {
            String fact = switch (counter) {
                case 5 -> "SMART 5 reallocated sectors 0 -> " + (day - 10) * 300 + " in " + (day - 10) + (day == 11 ? " day" : " days");
                case 197 -> "SMART 197 current pending sectors 0 -> " + (day - 10) * 300 + " in " + (day - 10) + (day == 11 ? " day" : " days");
                case 187 -> "SMART 187 reported uncorrectable errors unchanged at 0 over " + (day - 1) + " days";
                case 188 -> "SMART 188 command timeouts unchanged at 0 over " + (day - 1) + " days";
                default -> "SMART 198 offline uncorrectable sectors unchanged at 0 over " + (day - 1) + " days";
            };
            if (!expected.contains(fact)) expected.add(fact);
        }

        assertThat(alert.prediction().topFeatures()).as("the alert is explained").isNotEmpty();
        assertThat(expected).as("the shipped model's top features name an error counter").isNotEmpty();
        assertThat(alert.prediction().facts()).containsExactlyElementsOf(expected);
        assertThat(scored.get(0).prediction().facts()).as("an unexplained prediction has no facts").isEmpty();
    }

    @Test
    void aDayArrivingLate_takesItsPlace_soLaterDaysScoreAsInOrder() {
        start(ModelHolder.fixed(shipped));
        List<Point> days = new ArrayList<>();
        for (int day = 1; day <= 11; day++) days.add(disk("eu", "h1", "ZA1", day, day >= 7 ? 50 * (day - 6) : 0));
        DriveHistory inOrder = new DriveHistory();
        days.forEach(p -> inOrder.add(DriveReading.of(p).orElseThrow()));
        double expectedDay11 = probabilityOf(shipped, inOrder, epochDay(days.get(10)));

        for (int day = 1; day <= 10; day++) if (day != 7) send(List.of(days.get(day - 1)));
        send(List.of(days.get(6)));
        send(List.of(days.get(10)));

        List<ScoredSample> out = predictions.readValuesToList().stream().map(DriveScoringTopologyTest::single).toList();
        assertThat(out).hasSize(11);
        assertThat(out.get(9).timestampNanos()).as("the late day is scored too").isEqualTo(TestPoints.day(7));
        assertThat(probability(out.get(10))).isEqualTo(expectedDay11);
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(DriveScoringTopology.STORE);
        DriveHistory stored = DriveHistory.decode(store.get("eu/h1/ZA1"));
        assertThat(Features.compute(stored, epochDay(days.get(10)))).containsExactly(Features.compute(inOrder, epochDay(days.get(10))));
        assertThat(probabilityOf(shipped, stored, epochDay(days.get(6))))
                .as("day 7's own features, as of day 7").isEqualTo(probabilityOf(shipped, inOrder, epochDay(days.get(6))));
    }

    @Test
    void aSampleOlderThanTheWindow_yieldsNoPrediction_andLeavesTheHistoryAlone() {
        start(ModelHolder.fixed(shipped));
        send(List.of(disk("eu", "h1", "ZA1", 50, 0)));
        byte[] before = driver.<String, byte[]>getKeyValueStore(DriveScoringTopology.STORE).get("eu/h1/ZA1");

        send(List.of(disk("eu", "h1", "ZA1", 10, 5)));
        send(List.of(disk("eu", "h1", "ZA1", 10, 5), disk("eu", "h1", "ZA2", 10, 0)));
        byte[] after = driver.<String, byte[]>getKeyValueStore(DriveScoringTopology.STORE).get("eu/h1/ZA1");
        send(List.of(disk("eu", "h1", "ZA1", 51, 0)));

        List<PredictionBatch> out = predictions.readValuesToList();
        assertThat(out).hasSize(3);
        assertThat(out.get(1).scored()).singleElement().satisfies(p -> assertThat(p.drive()).isEqualTo("ZA2"));
        assertThat(single(out.get(2)).timestampNanos()).isEqualTo(TestPoints.day(51));
        assertThat(before).isEqualTo(afterDay50Only());
        assertThat(after).as("the history after the too-old samples").isEqualTo(before);
    }

    @Test
    void aModelSwappedMidStream_scoresTheNextRecords_underItsVersion() {
        FailureModel next = smart5Model(5);
        assertThat(next.version()).isNotEqualTo(shipped.version());
        AtomicReference<FailureModel> current = new AtomicReference<>(shipped);
        start(current::get);

        send(List.of(disk("eu", "h1", "ZA1", 1, 0)));
        send(List.of(disk("eu", "h1", "ZA1", 2, 0)));
        current.set(next);
        Point day3 = disk("eu", "h1", "ZA1", 3, 0);
        send(List.of(day3));

        List<ScoredSample> out = predictions.readValuesToList().stream().map(DriveScoringTopologyTest::single).toList();
        assertThat(out).extracting(p -> p.prediction().modelVersion())
                .containsExactly(shipped.version(), shipped.version(), next.version());
        DriveHistory history = new DriveHistory();
        for (int day = 1; day <= 3; day++) history.add(DriveReading.of(disk("eu", "h1", "ZA1", day, 0)).orElseThrow());
        assertThat(probability(out.get(2))).isEqualTo(probabilityOf(next, history, epochDay(day3)));
    }

    @Test
    void aCorruptRecordOnTheSamplesTopic_isSkipped_andScoringGoesOn() {
        start(ModelHolder.fixed(shipped));
        samples.pipeInput("eu/h1", new byte[]{1, 2, 3}, ARRIVAL);
        samples.pipeInput("eu/h1", null, ARRIVAL);
        byte[] truncated = PointBatchCodec.encode(new PointBatch(99L, List.of(disk("eu", "h1", "ZA1", 1, 0))));
        samples.pipeInput("eu/h1", java.util.Arrays.copyOf(truncated, truncated.length - 3), ARRIVAL);
        Point sample = disk("eu", "h1", "ZA1", 1, 0);
        send(List.of(sample));

        assertThat(corrupt.count()).isEqualTo(3L);
        assertThat(predictions.readValuesToList()).singleElement()
                .satisfies(b -> assertThat(probability(single(b))).isEqualTo(expectedProbability(shipped, sample)));
    }

    @Test
    void twoSamplesOfADriveInOneBatch_theSecondSeesTheFirstsRawProbability() {
        FailureModel twoOfTwo = smart5Model(10, new AlarmPolicy(2, 2), Calibration.IDENTITY, Calibration.IDENTITY);
        start(ModelHolder.fixed(twoOfTwo));

        send(List.of(disk("eu", "h1", "ZA1", 1, 900), disk("eu", "h1", "ZA1", 2, 900)));

        List<ScoredSample> scored = predictions.readValuesToList().get(0).scored();
        assertThat(scored).hasSize(2);
        double raw1 = expectedRaw(twoOfTwo, disk("eu", "h1", "ZA1", 1, 900));
        double raw2 = expectedRaw(twoOfTwo, disk("eu", "h1", "ZA1", 2, 900));
        assertThat(raw1).isGreaterThan(0.5);
        assertThat(probability(scored.get(0))).as("day 1 alone: fewer than k days").isZero();
        assertThat(probability(scored.get(1))).as("day 2 with day 1 of the same batch: 2nd largest of both").isEqualTo(Math.min(raw1, raw2)).isPositive();
        assertThat(bucket(scored.get(1))).isEqualTo("bad");
        twoOfTwo.close();
    }

    @Test
    void aTwoOfThreeDayAlarmWithCalibration_scoresEachDayAsTheOfflineChain_andAlertsOnTheFirstBadDay() {
        FailureModel model = smart5Model(10, new AlarmPolicy(2, 3), new Calibration(1.3, -0.4), new Calibration(0.9, 0.6));
        start(ModelHolder.fixed(model));
        int[] smart5 = {0, 900, 0, 0, 900, 0, 900, 0, 0, 0, 900, 900, 0, 0};
        long[] days = new long[smart5.length];
        double[] raw = new double[smart5.length];
        long[] historyDays = new long[smart5.length];
        for (int d = 0; d < smart5.length; d++) {
            Point sample = disk("eu", "h1", "ZA1", d + 1, smart5[d]);
            days[d] = epochDay(sample);
            raw[d] = expectedRaw(model, sample);
            historyDays[d] = d + 1;
            send(List.of(sample));
        }
        Assessment[] offline = model.assessDays(days, raw, historyDays);

        List<PredictionBatch> out = predictions.readValuesToList();
        List<ScoredSample> online = out.stream().map(DriveScoringTopologyTest::single).toList();
        for (int d = 0; d < smart5.length; d++) {
            assertThat(Double.doubleToRawLongBits(probability(online.get(d)))).as("day %d", d + 1).isEqualTo(Double.doubleToRawLongBits(offline[d].risk()));
            assertThat(online.get(d).prediction().bucket()).as("day %d", d + 1).isEqualTo(offline[d].bucket());
        }
        assertThat(List.of(bucket(online.get(1)), bucket(online.get(4)))).as("one bad raw day in three is not an alarm").doesNotContain("bad");
        assertThat(bucket(online.get(6))).as("days 5 and 7 within three days").isEqualTo("bad");
        assertThat(out.stream().flatMap(b -> b.alerts().stream()).toList()).singleElement()
                .satisfies(a -> assertThat(a.timestampNanos()).isEqualTo(TestPoints.day(7)));
        DriveHistory stored = DriveHistory.decode(driver.<String, byte[]>getKeyValueStore(DriveScoringTopology.STORE).get("eu/h1/ZA1"));
        assertThat(model.info().alarm().score(days[13], stored)).as("the store keeps the raw probabilities").isEqualTo(model.info().alarm().scores(days, raw)[13]);
        model.close();
    }

    // --- helpers ---

    private void send(List<Point> points) {
        samples.pipeInput(points.get(0).routingKey(), PointBatchCodec.encode(new PointBatch(fingerprints.getAndIncrement(), points)), ARRIVAL);
    }

    /** What the model gives for {@code sample} on the history of the samples passed here before it, computed offline. */
    private double expectedProbability(FailureModel model, Point sample) {
        return expectedAssessment(model, sample).risk();
    }

    /** The model's raw probability (before alarm and calibration) of {@code sample} on the history of the samples passed here before it. */
    private double expectedRaw(FailureModel model, Point sample) {
        DriveHistory history = offline.computeIfAbsent(sample.routingKey() + '/' + sample.drive(), k -> new DriveHistory());
        history.add(DriveReading.of(sample).orElseThrow());
        long day = epochDay(sample);
        return model.probabilities(Features.compute(history, day), 1)[0];
    }

    private Assessment expectedAssessment(FailureModel model, Point sample) {
        DriveHistory history = offline.computeIfAbsent(sample.routingKey() + '/' + sample.drive(), k -> new DriveHistory());
        history.add(DriveReading.of(sample).orElseThrow());
        return assessmentOf(model, history, epochDay(sample));
    }

    /** The model's risk of {@code day} offline: its raw probability through its calibration (one day above the threshold, as the shipped model). */
    private static double probabilityOf(FailureModel model, DriveHistory history, long day) {
        return assessmentOf(model, history, day).risk();
    }

    private static Assessment assessmentOf(FailureModel model, DriveHistory history, long day) {
        assertThat(model.info().alarm()).as("a single-day alarm: the day's own raw probability decides").isEqualTo(AlarmPolicy.SINGLE_DAY);
        return model.assess(model.probabilities(Features.compute(history, day), 1)[0], history.historyDays(day));
    }

    private static byte[] afterDay50Only() {
        DriveHistory h = new DriveHistory();
        Point day50 = disk("eu", "h1", "ZA1", 50, 0);
        h.add(DriveReading.of(day50).orElseThrow());
        h.recordScore(epochDay(day50), shipped.probabilities(Features.compute(h, epochDay(day50)), 1)[0]); // the raw score the alarm keeps
        return h.encode();
    }

    private static long epochDay(Point p) {
        return Math.floorDiv(p.timestampNanos(), DriveReading.NANOS_PER_DAY);
    }

    /** The one scored sample of {@code batch} (an alert may come with it). */
    private static ScoredSample single(PredictionBatch batch) {
        assertThat(batch.scored()).hasSize(1);
        return batch.scored().get(0);
    }

    private static double probability(ScoredSample p) {
        return p.prediction().probability();
    }

    private static String bucket(ScoredSample p) {
        return p.prediction().bucket().label();
    }

    /** A tiny model: smart_5_raw above a few hundred means failure; {@code rounds} change its version. */
    static FailureModel smart5Model(int rounds) {
        return smart5Model(rounds, AlarmPolicy.SINGLE_DAY, Calibration.IDENTITY, Calibration.IDENTITY);
    }

    /** {@link #smart5Model(int)} with an alarm policy and calibrations (warning horizon 30 days). */
    static FailureModel smart5Model(int rounds, AlarmPolicy alarm, Calibration risk, Calibration warningRisk) {
        int rows = 200;
        int column = Features.NAMES.indexOf("smart_5_raw");
        float[] features = new float[rows * Features.COUNT];
        float[] labels = new float[rows];
        java.util.Arrays.fill(features, Float.NaN);
        for (int r = 0; r < rows; r++) {
            labels[r] = r % 2;
            features[r * Features.COUNT + column] = r % 2 == 0 ? r % 20 : 500 + r;
        }
        try {
            DMatrix matrix = new DMatrix(features, rows, Features.COUNT, Float.NaN);
            matrix.setLabel(labels);
            Map<String, Object> params = Map.of("objective", "binary:logistic", "max_depth", 2, "eta", 0.5, "nthread", 1, "seed", 1);
            var booster = XGBoost.train(matrix, params, rounds, Map.of(), null, null);
            matrix.dispose();
            return ModelFile.of(booster, 10, 30, new AlertThresholds(0.5, 0.3, 7), alarm, risk, warningRisk, Map.of());
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }
}
