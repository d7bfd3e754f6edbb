package io.harbinger.store.load;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.Schema;
import io.harbinger.store.LoaderTestAccess;

import java.util.ArrayList;
import java.util.List;

/** What a loader integration test opened (pools, loaders, producers), closed in reverse order after each test. */
final class Opened implements AutoCloseable {
    private final List<AutoCloseable> open = new ArrayList<>();

    <T extends AutoCloseable> T add(T closeable) {
        open.add(closeable);
        return closeable;
    }

    /** A fresh, migrated schema on the shared PostgreSQL, closed with the rest. */
    HikariDataSource schema(BundledPostgres postgres) {
        HikariDataSource ds = add(LoaderTestAccess.freshSchema(postgres));
        Schema.migrate(ds);
        return ds;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
        open.clear();
    }
}
