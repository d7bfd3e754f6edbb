package io.harbinger.app;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.ingest.http.IngestConfig;

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
                IngestConfig ingest = new IngestConfig(MAX_BODY, 64L << 20, 64L << 20, Duration.ofSeconds(30), "default",
                        TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS, 1);
                node = Harbinger.start(new ServeConfig("127.0.0.1", 0, dir, Optional.empty(), 2, (short) 1, 1, Duration.ofMillis(100), Duration.ofDays(1), StoreSettings.BUNDLED, ingest, Optional.of(dir.resolve("model.json")), Duration.ofHours(1)), Clock.systemUTC());
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
