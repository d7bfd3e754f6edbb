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
 */
public final class ModelFile {
    public static final String FORMAT = "harbinger-model/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /** Names the model by its content: {@code xgb-} + 12 hex digits of SHA-256(booster, thresholds, horizon). */
    static String versionOf(byte[] booster, AlertThresholds t, int horizonDays) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(booster);
            sha.update((t + "/" + horizonDays + "/" + Features.VERSION).getBytes(StandardCharsets.UTF_8));
            return "xgb-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Wraps a freshly trained booster (owned by the model from now on). */
    public static FailureModel of(Booster booster, int horizonDays, AlertThresholds thresholds, Map<String, String> training) {
        byte[] bytes = serialize(booster);
        ModelInfo info = new ModelInfo(versionOf(bytes, thresholds, horizonDays), Features.VERSION, Features.NAMES, horizonDays, thresholds, training);
        return new FailureModel(info, booster);
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
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InvalidModelException(source + " is not a Harbinger model: \"format\" must be \"" + FORMAT + "\"");
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
            byte[] booster = Base64.getDecoder().decode(root.path("booster").asText());
            Map<String, String> training = new TreeMap<>();
            root.path("training").properties().forEach(e -> training.put(e.getKey(), e.getValue().asText()));
            String version = versionOf(booster, thresholds, horizon);
            if (!version.equals(root.path("version").asText())) {
                throw new InvalidModelException(source + " says version " + root.path("version").asText() + " but its content is version " + version + " (edited or damaged)");
            }
            Booster loaded = XGBoost.loadModel(booster);
            loaded.setParam("nthread", 1);
            return new FailureModel(new ModelInfo(version, Features.VERSION, features, horizon, thresholds, training), loaded);
        } catch (InvalidModelException e) {
            throw e;
        } catch (IllegalArgumentException | XGBoostError | IOException e) {
            throw new InvalidModelException(source + " holds no usable model: " + e.getMessage());
        }
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
