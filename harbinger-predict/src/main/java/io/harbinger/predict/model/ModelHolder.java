package io.harbinger.predict.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The model in force, replaceable while the system runs: {@link #get()} always returns a whole model,
 * and {@link #reload()} swaps in the file's model when the file changed and holds a valid one. An invalid
 * file leaves the model in force as it is (and says why). A replaced model is not closed: a stream thread
 * may still be scoring with it; its native memory (about the size of its file) is given back only at exit.
 */
public final class ModelHolder implements Supplier<FailureModel> {
    private static final Logger LOG = LoggerFactory.getLogger(ModelHolder.class);
    /** Class-path resource of the model that ships with Harbinger (trained by {@code harbinger train}). */
    public static final String DEFAULT_RESOURCE = "/harbinger/default-model.json";

    private final AtomicReference<FailureModel> current;
    private final Optional<Path> file;
    private FileTime seenModified;
    private long seenSize = -1;

    private ModelHolder(FailureModel model, Optional<Path> file) {
        this.current = new AtomicReference<>(model);
        this.file = file;
    }

    /** A model that is never replaced. */
    public static ModelHolder fixed(FailureModel model) {
        return new ModelHolder(Objects.requireNonNull(model, "model"), Optional.empty());
    }

    /** The model shipped on the class path ({@value #DEFAULT_RESOURCE}). */
    public static ModelHolder bundled() {
        try (InputStream in = ModelHolder.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the default model " + DEFAULT_RESOURCE + " is missing from the class path");
            return fixed(ModelFile.parse(in.readAllBytes(), "the default model"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default model", e);
        }
    }

    /**
     * The model of {@code path}, read now, and read again by {@link #reload()} whenever the file changes.
     *
     * @throws IOException or {@link ModelFile.InvalidModelException} when the file holds no usable model now
     */
    public static ModelHolder watching(Path path) throws IOException {
        ModelHolder holder = new ModelHolder(ModelFile.read(path), Optional.of(path));
        holder.remember();
        return holder;
    }

    @Override
    public FailureModel get() {
        return current.get();
    }

    public String version() {
        return current.get().version();
    }

    /** The watched file, if any. */
    public Optional<Path> file() {
        return file;
    }

    /** What {@link #reload()} did. */
    public sealed interface Reload {
        record Unchanged(String version) implements Reload {}
        record Replaced(String from, String to) implements Reload {}
        record Refused(String version, String reason) implements Reload {}
    }

    /** Reads the watched file if it changed since the last look (size or modification time). */
    public synchronized Reload reload() {
        if (file.isEmpty()) return new Reload.Unchanged(version());
        Path path = file.get();
        try {
            if (Files.getLastModifiedTime(path).equals(seenModified) && Files.size(path) == seenSize) return new Reload.Unchanged(version());
            remember();
            FailureModel next = ModelFile.read(path);
            String from = version();
            if (next.version().equals(from)) {
                next.close();
                return new Reload.Unchanged(from);
            }
            current.set(next);
            LOG.info("model {} replaced by {} from {}", from, next.version(), path);
            return new Reload.Replaced(from, next.version());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("model file {} not loaded, {} stays in force: {}", path, version(), e.getMessage());
            return new Reload.Refused(version(), e.getMessage());
        }
    }

    private void remember() throws IOException {
        Path path = file.orElseThrow();
        seenModified = Files.getLastModifiedTime(path);
        seenSize = Files.size(path);
    }
}
