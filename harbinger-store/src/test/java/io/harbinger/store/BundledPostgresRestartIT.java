package io.harbinger.store;

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
