package io.harbinger.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A process that starts the bundled PostgreSQL, writes a row, says so and waits to be killed. */
public final class OrphanOwner {
    static final String READY = "orphan-owner-ready";

    private OrphanOwner() {
    }

    public static void main(String[] args) throws Exception {
        BundledPostgres postgres = BundledPostgres.start(Path.of(args[0]));
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), BundledPostgres.USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id int PRIMARY KEY)");
            s.execute("INSERT INTO kept VALUES (7)");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
