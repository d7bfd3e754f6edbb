package io.harbinger.predict.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbinger.predict.feature.Features;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model on disk: one JSON file ({@value #FORMAT}) holding {@link ModelInfo} and the XGBoost booster
 * (its UBJSON serialisation, base64). Files are written to a temporary name and moved into place, so a
 * process watching the path never reads half a model.
 *
 * <p>Format 2 adds {@code warningDays}, {@code alarm {k, n}}, {@code risk {a, b}} and
 * {@code warningRisk {a, b}} (all required in it). Files of format {@value #FORMAT_1}, written before,
 * still read: as {@link AlarmPolicy#SINGLE_DAY}, {@link Calibration#IDENTITY} twice and
 * {@link ModelInfo#defaultWarningDays}, which is what they meant. A reader of format 1 refuses a format 2
 * file by its format rather than read it without its alarm and calibration.
 */
public final class ModelFile {
    public static final String FORMAT = "harbinger-model/2";
    /** The format before alarm policy and calibration; still read. */
    public static final String FORMAT_1 = "harbinger-model/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /**
     * Names the model by its content: {@code xgb-} + 12 hex digits of SHA-256(booster, thresholds, horizon,
     * feature set, and — unless they are a format 1 model's defaults — warning horizon, alarm policy and
     * calibrations). The defaults add nothing, so a format 1 file keeps its version, and a model saying
     * the same as one has the same version.
     */
    static String versionOf(byte[] booster, int horizonDays, int warningDays, AlertThresholds t, AlarmPolicy alarm, Calibration risk, Calibration warningRisk) {
        StringBuilder said = new StringBuilder().append(t).append('/').append(horizonDays).append('/').append(Features.VERSION);
        boolean defaults = warningDays == ModelInfo.defaultWarningDays(horizonDays) && alarm.equals(AlarmPolicy.SINGLE_DAY)
                && risk.equals(Calibration.IDENTITY) && warningRisk.equals(Calibration.IDENTITY);
        if (!defaults) said.append('/').append(warningDays).append('/').append(alarm).append('/').append(risk).append('/').append(warningRisk);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(booster);
            sha.update(said.toString().getBytes(StandardCharsets.UTF_8));
            return "xgb-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Wraps a freshly trained booster (owned by the model from now on) with no alarm policy or calibration:
     * {@link AlarmPolicy#SINGLE_DAY}, {@link Calibration#IDENTITY}, {@link ModelInfo#defaultWarningDays}.
     */
    public static FailureModel of(Booster booster, int horizonDays, AlertThresholds thresholds, Map<String, String> training) {
        return of(booster, horizonDays, ModelInfo.defaultWarningDays(horizonDays), thresholds, AlarmPolicy.SINGLE_DAY,
                Calibration.IDENTITY, Calibration.IDENTITY, training);
    }

    /**
     * Wraps a freshly trained booster (owned by the model from now on).
     *
     * @param risk        persistence score to the risk of failing within {@code horizonDays}
     * @param warningRisk persistence score to the risk of failing within {@code warningDays}
     */
    public static FailureModel of(Booster booster, int horizonDays, int warningDays, AlertThresholds thresholds, AlarmPolicy alarm,
                                  Calibration risk, Calibration warningRisk, Map<String, String> training) {
        byte[] bytes = serialize(booster);
        String version = versionOf(bytes, horizonDays, warningDays, thresholds, alarm, risk, warningRisk);
        return new FailureModel(new ModelInfo(version, Features.VERSION, Features.NAMES, horizonDays, warningDays, thresholds,
                alarm, risk, warningRisk, training), booster);
    }

    public static void write(FailureModel model, Path file) throws IOException {
        ModelInfo info = model.info();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", info.version());
        root.put("featureSet", info.featureSet());
        root.putPOJO("features", info.features());
        root.put("horizonDays", info.horizonDays());
        ObjectNode t = root.putObject("thresholds");
        t.put("alert", info.thresholds().alert());
        t.put("warning", info.thresholds().warning());
        t.put("minHistoryDays", info.thresholds().minHistoryDays());
        root.put("warningDays", info.warningDays());
        ObjectNode alarm = root.putObject("alarm");
        alarm.put("k", info.alarm().k());
        alarm.put("n", info.alarm().n());
        calibration(root.putObject("risk"), info.risk());
        calibration(root.putObject("warningRisk"), info.warningRisk());
        root.putPOJO("training", new TreeMap<>(info.training()));
        root.put("booster", Base64.getEncoder().encodeToString(serialize(model.booster())));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), root);
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--")); // temp files start private
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void calibration(ObjectNode node, Calibration c) {
        node.put("a", c.a());
        node.put("b", c.b());
    }

    /** @throws IOException when the file cannot be read; {@link InvalidModelException} when it is not a usable model */
    public static FailureModel read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** @param source names the bytes in error messages */
    public static FailureModel parse(byte[] bytes, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidModelException(source + " is not JSON: " + e.getMessage());
        }
        String format = root == null ? "" : root.path("format").asText();
        if (!FORMAT.equals(format) && !FORMAT_1.equals(format)) {
            throw new InvalidModelException(source + " is not a Harbinger model: \"format\" must be \"" + FORMAT + "\" (or the older \"" + FORMAT_1 + "\")");
        }
        List<String> features = new ArrayList<>();
        root.path("features").forEach(n -> features.add(n.asText()));
        if (!Features.VERSION.equals(root.path("featureSet").asText()) || !features.equals(Features.NAMES)) {
            throw new InvalidModelException(source + " was trained on feature set '" + root.path("featureSet").asText()
                    + "' " + features + "; this build computes '" + Features.VERSION + "' " + Features.NAMES);
        }
        try {
            JsonNode t = root.path("thresholds");
            AlertThresholds thresholds = new AlertThresholds(t.path("alert").asDouble(), t.path("warning").asDouble(), t.path("minHistoryDays").asInt());
            int horizon = root.path("horizonDays").asInt();
            boolean v1 = FORMAT_1.equals(format);
            int warningDays = v1 ? ModelInfo.defaultWarningDays(horizon) : required(root, "warningDays", source).asInt();
            AlarmPolicy alarm = v1 ? AlarmPolicy.SINGLE_DAY : new AlarmPolicy(required(root, "alarm", source).path("k").asInt(), root.path("alarm").path("n").asInt());
            Calibration risk = v1 ? Calibration.IDENTITY : calibration(root, "risk", source);
            Calibration warningRisk = v1 ? Calibration.IDENTITY : calibration(root, "warningRisk", source);
            byte[] booster = Base64.getDecoder().decode(root.path("booster").asText());
            Map<String, String> training = new TreeMap<>();
            root.path("training").properties().forEach(e -> training.put(e.getKey(), e.getValue().asText()));
            String version = versionOf(booster, horizon, warningDays, thresholds, alarm, risk, warningRisk);
            if (!version.equals(root.path("version").asText())) {
                throw new InvalidModelException(source + " says version " + root.path("version").asText() + " but its content is version " + version + " (edited or damaged)");
            }
            ModelInfo info = new ModelInfo(version, Features.VERSION, features, horizon, warningDays, thresholds, alarm, risk, warningRisk, training);
            Booster loaded = XGBoost.loadModel(booster);
            loaded.setParam("nthread", 1);
            return new FailureModel(info, loaded);
        } catch (InvalidModelException e) {
            throw e;
        } catch (IllegalArgumentException | XGBoostError | IOException e) {
            throw new InvalidModelException(source + " holds no usable model: " + e.getMessage());
        }
    }

    private static JsonNode required(JsonNode root, String field, String source) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) throw new InvalidModelException(source + " (format " + FORMAT + ") has no \"" + field + "\"");
        return node;
    }

    private static Calibration calibration(JsonNode root, String field, String source) {
        JsonNode node = required(root, field, source);
        if (!node.path("a").isNumber() || !node.path("b").isNumber()) {
            throw new InvalidModelException(source + " has no usable calibration \"" + field + "\": it needs numbers a and b, was " + node);
        }
        return new Calibration(node.path("a").asDouble(), node.path("b").asDouble());
    }

    private static byte[] serialize(Booster booster) {
        try {
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not serialise the booster: " + e.getMessage(), e);
        }
    }

    /** A model file that cannot be used, with the reason. */
    public static final class InvalidModelException extends IllegalArgumentException {
        public InvalidModelException(String message) {
            super(message);
        }
    }
}
