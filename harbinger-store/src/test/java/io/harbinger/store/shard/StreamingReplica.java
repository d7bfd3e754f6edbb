package io.harbinger.store.shard;

import io.harbinger.embedded.BundledPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

/**
 * A real streaming replica of a {@link BundledPostgres}, made the way an operator would without
 * {@code pg_basebackup}: a physical replication slot, a non-exclusive base backup with the low-level
 * API (files copied while {@code pg_start_backup} is in effect, the label from {@code pg_stop_backup}
 * written as {@code backup_label}), then {@code standby.signal} and {@code primary_conninfo}, started
 * with the same bundled binaries on the copy (no {@code initdb}).
 */
final class StreamingReplica implements AutoCloseable {
    /** Not part of a base backup: the running server's own files, and WAL (streamed from the slot instead). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    private static final Set<String> EMPTIED_DIRS = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp");

    private final EmbeddedPostgres server;
    private final Path dataDir;

    private StreamingReplica(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    static StreamingReplica start(BundledPostgres primary, Path dataDir, String slot) {
        try {
            allowReplication(primary);
            execute(primary.jdbcUrl(), "SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            baseBackup(primary, dataDir);
            Files.writeString(dataDir.resolve("standby.signal"), "");
            Files.writeString(dataDir.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=127.0.0.1 port=" + primary.port()
                    + " user=" + BundledPostgres.USER + " application_name=" + slot + "'\nprimary_slot_name = '" + slot + "'\n",
                    StandardOpenOption.APPEND);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "''")
                    // A hot standby needs at least the primary's values of these.
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("max_locks_per_transaction", "256")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new StreamingReplica(server, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a replica of " + primary.jdbcUrl() + " in " + dataDir, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + BundledPostgres.DATABASE;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    /** Stops the server (fast shutdown). */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the replica in " + dataDir, e);
        }
    }

    private static void allowReplication(BundledPostgres primary) throws IOException {
        Path hba = primary.dataDir().resolve("pg_hba.conf");
        String rule = "host replication all 127.0.0.1/32 trust";
        if (Files.readAllLines(hba).stream().noneMatch(line -> line.strip().replaceAll("\\s+", " ").equals(rule))) {
            Files.writeString(hba, "\n" + rule + "\n", StandardOpenOption.APPEND);
        }
        execute(primary.jdbcUrl(), "SELECT pg_reload_conf()");
    }

    /** pg_start_backup, copy, pg_stop_backup in one session (a non-exclusive backup ends with its session). */
    private static void baseBackup(BundledPostgres primary, Path target) throws IOException {
        try (Connection c = DriverManager.getConnection(primary.jdbcUrl(), BundledPostgres.USER, "");
             Statement s = c.createStatement()) {
            s.execute("SELECT pg_start_backup('harbinger-it', true, false)");
            copy(primary.dataDir(), target);
            try (ResultSet rs = s.executeQuery("SELECT labelfile FROM pg_stop_backup(false)")) {
                rs.next();
                Files.writeString(target.resolve("backup_label"), rs.getString(1), StandardCharsets.UTF_8);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("base backup of " + primary.jdbcUrl() + " failed: " + e.getMessage(), e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(dir);
                if (inEmptiedDir(relative)) return FileVisitResult.SKIP_SUBTREE;
                createPrivateDirectory(target.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(file);
                if (inEmptiedDir(relative) || SKIPPED_FILES.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException e) {
                    // removed while copying (a temporary file): the backup does not need it
                }
                return FileVisitResult.CONTINUE;
            }

            private static boolean inEmptiedDir(Path relative) {
                return relative.getNameCount() > 1 && EMPTIED_DIRS.contains(relative.getName(0).toString());
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw e;
            }
        });
        createPrivateDirectory(target.resolve("pg_wal").resolve("archive_status"));
    }

    /** PostgreSQL refuses a data directory that others can read. */
    private static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, BundledPostgres.USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
