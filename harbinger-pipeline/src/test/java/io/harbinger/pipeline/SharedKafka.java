package io.harbinger.pipeline;

import io.harbinger.embedded.EmbeddedKafka;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Injects one {@link EmbeddedKafka} shared by every test class of this JVM: started on first use,
 * kept in the root extension store, closed (and its directory deleted) when the test plan ends.
 * Tests sharing it isolate themselves by topic prefix and application id.
 */
public final class SharedKafka implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKafka.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("kafka", key -> Running.start(), Running.class).kafka;
    }

    /** The broker and its directory; the store closes it at the end of the run. */
    private record Running(EmbeddedKafka kafka, Path dir) implements AutoCloseable {
        static Running start() {
            try {
                Path dir = Files.createTempDirectory("harbinger-it-kafka");
                return new Running(EmbeddedKafka.start(dir), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            kafka.close();
            deleteRecursively(dir);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
