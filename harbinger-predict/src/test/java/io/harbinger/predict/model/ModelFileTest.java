package io.harbinger.predict.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbinger.predict.feature.Features;
import io.harbinger.predict.model.ModelFile.InvalidModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FailureModel model;
    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        model = TestModels.model();
    }

    @AfterAll
    static void free() {
        model.close();
    }

    private ObjectNode written() throws IOException {
        Path file = dir.resolve("model.json");
        ModelFile.write(model, file);
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    private static FailureModel parse(ObjectNode root) throws IOException {
        return ModelFile.parse(JSON.writeValueAsBytes(root), "test.json");
    }

    @Test
    void of_namesTheModelByItsContent_sameTrainingSameVersion() {
        try (FailureModel again = TestModels.model(); FailureModel other = TestModels.model(2, 10)) {
            assertThat(model.version()).matches("xgb-[0-9a-f]{12}").isEqualTo(again.version());
            assertThat(other.version()).isNotEqualTo(model.version());
        }
    }

    @Test
    void writeThenRead_keepsVersionInfoAndScoresBitForBit() throws IOException {
        Path file = dir.resolve("sub/model.json");
        ModelFile.write(model, file);
        try (FailureModel read = ModelFile.read(file)) {
            assertThat(read.version()).isEqualTo(model.version());
            assertThat(read.info()).isEqualTo(model.info());
            float[] rows = TestModels.rows(200, 7);
            float[] expected = model.probabilities(rows, 200);
            float[] actual = read.probabilities(rows, 200);
            for (int r = 0; r < 200; r++) {
                assertThat(Float.floatToRawIntBits(actual[r])).as("row %d: %s vs %s", r, actual[r], expected[r]).isEqualTo(Float.floatToRawIntBits(expected[r]));
            }
            double[] persistence = new double[200];
            for (int r = 0; r < 200; r++) persistence[r] = expected[r];
            assertThat(read.score(rows, 200, persistence, new long[200])).isEqualTo(model.score(rows, 200, persistence, new long[200]));
        }
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void written_fileIsHarbingerModelJson_withInfoAndBooster() throws IOException {
        ObjectNode root = written();
        assertThat(root.path("format").asText()).isEqualTo(ModelFile.FORMAT);
        assertThat(root.path("version").asText()).isEqualTo(model.version());
        assertThat(root.path("featureSet").asText()).isEqualTo(Features.VERSION);
        assertThat(root.path("features")).hasSize(Features.COUNT);
        assertThat(root.path("horizonDays").asInt()).isEqualTo(TestModels.HORIZON);
        assertThat(root.path("thresholds").path("alert").asDouble()).isEqualTo(0.6);
        assertThat(root.path("training").path("data").asText()).isEqualTo("synthetic seed 1");
        assertThat(root.path("booster").asText()).isNotEmpty();
    }

    @Test
    void tamperedVersion_isRefusedNamingBothVersions() throws IOException {
        ObjectNode root = written();
        root.put("version", "xgb-000000000000");
        assertThatThrownBy(() -> parse(root)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("test.json").hasMessageContaining("xgb-000000000000").hasMessageContaining(model.version());
    }

    @Test
    void editedThresholds_changeTheContentVersion_andAreRefused() throws IOException {
        ObjectNode root = written();
        ((ObjectNode) root.path("thresholds")).put("alert", 0.9);
        assertThatThrownBy(() -> parse(root)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("says version " + model.version()).hasMessageContaining("edited or damaged");
    }

    @Test
    void invalidThresholds_areRefusedWithTheReason() throws IOException {
        ObjectNode root = written();
        ((ObjectNode) root.path("thresholds")).put("warning", 1.5);
        assertThatThrownBy(() -> parse(root)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("holds no usable model").hasMessageContaining("warning threshold");
    }

    @Test
    void damagedBooster_isRefused() throws IOException {
        ObjectNode root = written();
        root.put("booster", "not base64 !");
        assertThatThrownBy(() -> parse(root)).isInstanceOf(InvalidModelException.class).hasMessageContaining("test.json");
    }

    @Test
    void wrongFormat_isRefusedNamingTheExpectedFormat() throws IOException {
        ObjectNode root = written();
        root.put("format", "harbinger-model/0");
        assertThatThrownBy(() -> parse(root)).isInstanceOf(InvalidModelException.class)
                .hasMessage("test.json is not a Harbinger model: \"format\" must be \"" + ModelFile.FORMAT + "\" (or the older \"" + ModelFile.FORMAT_1 + "\")");
    }

    /** {@code root} as a format 1 file would have it: no warning horizon, alarm or calibrations. */
    private static ObjectNode asFormat1(ObjectNode root) {
        root.put("format", ModelFile.FORMAT_1);
        root.remove(java.util.List.of("warningDays", "alarm", "risk", "warningRisk"));
        return root;
    }

    @Test
    void aFormat1File_reads_asASingleDayAlarmWithoutCalibration_andKeepsItsVersion() throws IOException {
        ObjectNode root = asFormat1(written());
        assertThat(root.has("alarm")).isFalse();
        try (FailureModel read = parse(root)) {
            assertThat(read.version()).isEqualTo(model.version());
            assertThat(read.info().alarm()).isEqualTo(AlarmPolicy.SINGLE_DAY);
            assertThat(read.info().risk()).isEqualTo(Calibration.IDENTITY);
            assertThat(read.info().warningRisk()).isEqualTo(Calibration.IDENTITY);
            assertThat(read.info().warningDays()).isEqualTo(3 * TestModels.HORIZON);
            assertThat(read.info()).isEqualTo(model.info());
        }
    }

    @Test
    void theShippedModel_reads_underTheVersionItWasShippedWith() throws IOException {
        try (var in = ModelFileTest.class.getResourceAsStream(ModelHolder.DEFAULT_RESOURCE)) {
            byte[] bytes = in.readAllBytes();
            try (FailureModel read = ModelFile.parse(bytes, "default model")) {
                assertThat(read.version()).isEqualTo(JSON.readTree(bytes).path("version").asText());
            }
        }
    }

    @Test
    void aCalibratedModel_writesItsAlarmAndCalibrations_andReadsBackEqual() throws IOException {
        try (FailureModel calibrated = TestModels.calibrated()) {
            Path file = dir.resolve("calibrated.json");
            ModelFile.write(calibrated, file);
            ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
            assertThat(root.path("format").asText()).isEqualTo(ModelFile.FORMAT);
            assertThat(root.path("warningDays").asInt()).isEqualTo(30);
            assertThat(root.path("alarm").path("k").asInt()).isEqualTo(2);
            assertThat(root.path("alarm").path("n").asInt()).isEqualTo(3);
            assertThat(root.path("risk").path("a").asDouble()).isEqualTo(1.4);
            assertThat(root.path("warningRisk").path("b").asDouble()).isEqualTo(0.5);
            try (FailureModel read = ModelFile.read(file)) {
                assertThat(read.info()).isEqualTo(calibrated.info());
                assertThat(read.assess(0.42, 30)).isEqualTo(calibrated.assess(0.42, 30));
            }
            assertThat(calibrated.version()).as("same trees, other semantics: another version").isNotEqualTo(model.version());
        }
    }

    @Test
    void editedAlarmCalibrationOrWarningHorizon_changeTheContentVersion_andAreRefused() throws IOException {
        try (FailureModel calibrated = TestModels.calibrated()) {
            Path file = dir.resolve("calibrated.json");
            ModelFile.write(calibrated, file);
            for (String edit : new String[] {"alarm.k", "risk.a", "warningRisk.b", "warningDays"}) {
                ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
                if (edit.equals("warningDays")) root.put("warningDays", 31);
                else ((ObjectNode) root.path(edit.substring(0, edit.indexOf('.')))).put(edit.substring(edit.indexOf('.') + 1), edit.equals("alarm.k") ? 1 : 0.25);
                assertThatThrownBy(() -> parse(root)).as(edit).isInstanceOf(InvalidModelException.class).hasMessageContaining("edited or damaged");
            }
        }
    }

    @Test
    void aFormat2FileWithoutItsAlarmOrWithABadCalibration_isRefusedNamingIt() throws IOException {
        ObjectNode missing = written();
        missing.remove("alarm");
        assertThatThrownBy(() -> parse(missing)).isInstanceOf(InvalidModelException.class).hasMessage("test.json (format " + ModelFile.FORMAT + ") has no \"alarm\"");
        ObjectNode bad = written();
        ((ObjectNode) bad.path("risk")).put("a", -1);
        assertThatThrownBy(() -> parse(bad)).isInstanceOf(InvalidModelException.class).hasMessageContaining("holds no usable model")
                .hasMessageContaining("calibration slope a must be finite and > 0");
        ObjectNode text = written();
        ((ObjectNode) text.path("warningRisk")).put("b", "zero");
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InvalidModelException.class).hasMessageContaining("no usable calibration \"warningRisk\"");
        ObjectNode window = written();
        ((ObjectNode) window.path("alarm")).put("n", 30);
        assertThatThrownBy(() -> parse(window)).isInstanceOf(InvalidModelException.class).hasMessageContaining("alarm window n must be in 1..14");
    }

    @Test
    void aModelWithTheDefaultsSpelledOut_isTheSameModelAsOneWithout() {
        try (FailureModel explicit = TestModels.withAlarm(model, 3 * TestModels.HORIZON, TestModels.THRESHOLDS, AlarmPolicy.SINGLE_DAY, Calibration.IDENTITY, Calibration.IDENTITY)) {
            assertThat(explicit.version()).isEqualTo(model.version());
        }
        try (FailureModel longerWarning = TestModels.withAlarm(model, 3 * TestModels.HORIZON + 1, TestModels.THRESHOLDS, AlarmPolicy.SINGLE_DAY, Calibration.IDENTITY, Calibration.IDENTITY)) {
            assertThat(longerWarning.version()).isNotEqualTo(model.version());
        }
    }

    @Test
    void otherFeatureSetOrFeatureList_isRefusedNamingBoth() throws IOException {
        ObjectNode renamed = written();
        renamed.put("featureSet", "v0");
        assertThatThrownBy(() -> parse(renamed)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("feature set 'v0'").hasMessageContaining("this build computes '" + Features.VERSION + "'");
        ObjectNode reordered = written();
        ArrayNode features = (ArrayNode) reordered.path("features");
        features.remove(0);
        features.add("smart_5_raw");
        assertThatThrownBy(() -> parse(reordered)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("feature set '" + Features.VERSION + "'").hasMessageContaining(Features.NAMES.toString());
    }

    @Test
    void notJson_isRefusedSayingSo() {
        assertThatThrownBy(() -> ModelFile.parse("{not json".getBytes(StandardCharsets.UTF_8), "x.json"))
                .isInstanceOf(InvalidModelException.class).hasMessageStartingWith("x.json is not JSON");
        assertThatThrownBy(() -> ModelFile.parse(new byte[0], "empty.json"))
                .isInstanceOf(InvalidModelException.class).hasMessageStartingWith("empty.json is not");
        assertThatThrownBy(() -> ModelFile.parse("[1, 2]".getBytes(StandardCharsets.UTF_8), "array.json"))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("not a Harbinger model");
    }

    @Test
    void read_ofAMissingFile_throwsIOException() {
        assertThatThrownBy(() -> ModelFile.read(dir.resolve("missing.json"))).isInstanceOf(IOException.class);
    }
}
