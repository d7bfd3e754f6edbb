package io.harbinger.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class BundledPostgresRestartIT {
    @TempDir
    Path dir;

    @Test
    void aSecondStartOnTheSameDirectoryKeepsTheRows() throws SQLException {
        Path cluster = dir.resolve("pg");
        try (BundledPostgres first = BundledPostgres.start(cluster)) {
            execute(first, "CREATE TABLE kept (id int PRIMARY KEY, note text)");
            execute(first, "INSERT INTO kept VALUES (1, 'before restart'), (2, 'also')");
        }
        try (BundledPostgres second = BundledPostgres.start(cluster)) {
            assertThat(query(second, "SELECT string_agg(note, ',' ORDER BY id) FROM kept")).isEqualTo("before restart,also");
        }
    }

    @Test
    void aServerOrphanedByAKilledOwner_isStoppedByTheNextStart_andTheRowsAreThere() throws Exception {
        Path cluster = dir.resolve("pg");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanOwner.class.getName(), cluster.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(OrphanOwner.READY)) { /* wait for the owner */ }
            assertThat(line).as("the owner started PostgreSQL and wrote a row").isEqualTo(OrphanOwner.READY);
            owner.destroyForcibly().waitFor(); // SIGKILL: its PostgreSQL keeps running, holding the cluster
        }
        long orphanPid = Long.parseLong(java.nio.file.Files.readAllLines(cluster.resolve("postmaster.pid")).getFirst().trim());
        assertThat(ProcessHandle.of(orphanPid)).as("PostgreSQL outlived its owner").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        try (BundledPostgres next = BundledPostgres.start(cluster)) {
            assertThat(query(next, "SELECT id FROM kept")).isEqualTo("7");
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void listensOnLoopbackOnlyWithFsyncOn() throws SQLException {
        try (BundledPostgres postgres = BundledPostgres.start(dir.resolve("pg"))) {
            assertThat(postgres.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/");
            assertThat(query(postgres, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(query(postgres, "SHOW fsync")).isEqualTo("on");
            assertThat(query(postgres, "SHOW data_directory")).isEqualTo(dir.resolve("pg").toAbsolutePath().toString());
        }
    }

    private static void execute(BundledPostgres postgres, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), BundledPostgres.USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(BundledPostgres postgres, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), BundledPostgres.USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
