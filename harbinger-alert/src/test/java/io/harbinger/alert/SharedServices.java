package io.harbinger.alert;

import io.harbinger.embedded.BundledPostgres;
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
 * Injects one {@link EmbeddedKafka} and one {@link BundledPostgres} shared by every test class of this JVM
 * (started on first use, stopped and deleted when the test plan ends), as the store's and the pipeline's
 * tests do. Tests isolate themselves with a database and a topic prefix of their own ({@link Fixture}).
 */
public final class SharedServices implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServices.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedKafka.class || type == BundledPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (parameter.getParameter().getType() == EmbeddedKafka.class) {
            return store.getOrComputeIfAbsent("kafka", k -> Kafka.start(), Kafka.class).kafka;
        }
        return store.getOrComputeIfAbsent("postgres", k -> Postgres.start(), Postgres.class).postgres;
    }

    private record Kafka(EmbeddedKafka kafka, Path dir) implements AutoCloseable {
        static Kafka start() {
            Path dir = tempDir("harbinger-alert-kafka");
            return new Kafka(EmbeddedKafka.start(dir), dir);
        }

        @Override
        public void close() {
            kafka.close();
            deleteRecursively(dir);
        }
    }

    private record Postgres(BundledPostgres postgres, Path dir) implements AutoCloseable {
        static Postgres start() {
            Path dir = tempDir("harbinger-alert-postgres");
            return new Postgres(BundledPostgres.start(dir.resolve("cluster")), dir);
        }

        @Override
        public void close() {
            postgres.close();
            deleteRecursively(dir);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
