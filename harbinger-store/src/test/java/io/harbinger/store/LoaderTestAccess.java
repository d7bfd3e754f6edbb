package io.harbinger.store;

import io.harbinger.embedded.BundledPostgres;
import com.zaxxer.hikari.HikariDataSource;

/** Opens {@link SharedPostgres#freshSchema} to the loader's tests in another package. */
public final class LoaderTestAccess {
    private LoaderTestAccess() {
    }

    public static HikariDataSource freshSchema(BundledPostgres postgres) {
        return SharedPostgres.freshSchema(postgres);
    }
}
