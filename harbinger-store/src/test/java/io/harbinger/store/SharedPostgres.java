package io.harbinger.store;

import io.harbinger.embedded.BundledPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Injects one {@link BundledPostgres} shared by every test class of this JVM: started on first use,
 * kept in the root extension store, stopped (and its directory deleted) when the test plan ends.
 * Tests isolate themselves with {@link #freshSchema}: a schema of their own, nothing shared.
 */
public final class SharedPostgres implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPostgres.class);
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BundledPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("postgres", key -> Running.start(), Running.class).postgres;
    }

    /** A pool whose connections use a new, empty schema (search_path) of the shared server. */
    static HikariDataSource freshSchema(BundledPostgres postgres) {
        String schema = "it_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), BundledPostgres.USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        return PostgresPool.open(postgres.jdbcUrl() + "?currentSchema=" + schema, BundledPostgres.USER, "", 4);
    }

    /** The server and its directory; the store closes it at the end of the run. */
    private record Running(BundledPostgres postgres, Path dir) implements AutoCloseable {
        static Running start() {
            try {
                Path dir = Files.createTempDirectory("harbinger-it-postgres");
                return new Running(BundledPostgres.start(dir.resolve("cluster")), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            postgres.close();
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
