package io.harbinger.app;

import io.harbinger.core.config.Settings;
import io.harbinger.ingest.http.IngestConfig;
import io.harbinger.pipeline.PipelineConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One in-process Harbinger node (embedded KRaft broker, processor, HTTP) shared by every in-process
 * integration test of this JVM, started on first use and stopped at JVM exit. Small body limits so
 * the 413 and 429 paths are cheap to reach.
 */
final class SharedNode {
    static final long MAX_BODY = 1 << 20;
    private static Harbinger node;
    private static Path modelFile;

    private SharedNode() {
    }

    static synchronized Harbinger get() {
        if (node == null) {
            try {
                Path dir = Files.createTempDirectory("harbinger-it-");
                Files.write(dir.resolve("model.json"), shippedModel()); // a watched copy: ModelReloadIT replaces it
                Settings settings = Settings.builder(ServeConfig.SETTINGS).set(ServeConfig.PORT, 0).set(ServeConfig.DATA_DIR, dir)
                        .set(PipelineConfig.PARTITIONS, 2).set(PipelineConfig.COMMIT_INTERVAL, Duration.ofMillis(100))
                        .set(PipelineConfig.SAMPLES_RETENTION, Duration.ofDays(1)).set(IngestConfig.MAX_BODY_BYTES, MAX_BODY)
                        .set(ServeConfig.MODEL, Optional.of(dir.resolve("model.json"))).set(ServeConfig.MODEL_CHECK_INTERVAL, Duration.ofHours(1))
                        .build();
                node = Harbinger.start(ServeConfig.from(settings, ""), Clock.systemUTC());
                modelFile = dir.resolve("model.json");
                Harbinger started = node;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-node-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return node;
    }

    /** The model that ships with Harbinger, as bytes. */
    static byte[] shippedModel() throws IOException {
        try (var in = SharedNode.class.getResourceAsStream(io.harbinger.predict.model.ModelHolder.DEFAULT_RESOURCE)) {
            if (in == null) throw new IOException("the shipped model is not on the class path");
            return in.readAllBytes();
        }
    }

    /** The model file the shared node watches. */
    static Path modelFile() {
        get();
        return modelFile;
    }

    static String base() {
        return "http://127.0.0.1:" + get().port();
    }
}
