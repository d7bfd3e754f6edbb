package io.harbinger.store;

import io.harbinger.embedded.BundledPostgres;
import com.zaxxer.hikari.HikariDataSource;

/** Opens {@link SharedPostgres#freshSchema} to the sink's tests in another package. */
public final class SinkTestAccess {
    private SinkTestAccess() {
    }

    public static HikariDataSource freshSchema(BundledPostgres postgres) {
        return SharedPostgres.freshSchema(postgres);
    }
}
