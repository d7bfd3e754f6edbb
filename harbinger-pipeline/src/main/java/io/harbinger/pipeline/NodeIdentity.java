package io.harbinger.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A node's stable name in the processor's consumer group, kept in its state directory: created on
 * first start, read on every later one. Each node has its own state directory, so names are unique
 * in a cluster and survive restarts.
 */
final class NodeIdentity {
    static final String FILE = "node.id";

    private NodeIdentity() {
    }

    static String of(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (!id.isEmpty()) return id;
            }
            Files.createDirectories(stateDir);
            String id = "harbinger-" + UUID.randomUUID();
            Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the node identity " + file, e);
        }
    }
}
