package io.harbinger.auth;

import com.github.benmanes.caffeine.cache.Ticker;
import io.harbinger.auth.audit.AuditLog;
import io.harbinger.auth.http.AccessFilter;
import io.harbinger.auth.http.AuditRoutes;
import io.harbinger.auth.http.AuditTrail;
import io.harbinger.auth.http.KeyRoutes;
import io.harbinger.auth.key.AccessPolicy;
import io.harbinger.auth.key.Authenticator;
import io.harbinger.auth.key.Keys;
import io.harbinger.auth.store.AuthSchema;
import io.harbinger.auth.store.PostgresAuditLog;
import io.harbinger.auth.store.PostgresKeyStore;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Access control as a node wires it (docs/adr/0013-api-keys.md): with {@code --auth keys}, the key store in the
 * control database (migrated here), the access filter in front of every route and, on a node that serves the
 * API, the admin endpoints for keys; without, every request comes from {@link io.harbinger.schema.auth.Principal#open()}
 * and the start says so. A node that serves the API audits its admin actions either way ({@link AuditTrail},
 * {@code GET /api/v1/admin/audit}).
 */
public final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);

    private Access() {
    }

    /**
     * @param control     the control database (the bundled PostgreSQL or the first shard's primary); asked for only with keys or admin routes
     * @param writePaths  the ingest endpoints' paths (the {@code write} role)
     * @param adminRoutes whether to mount {@code /api/v1/admin/...} and audit (a node that serves the API)
     */
    public static void install(Javalin app, AuthConfig config, Supplier<DataSource> control, Set<String> writePaths, boolean adminRoutes, Clock clock) {
        if (!config.keys()) {
            AccessFilter.installOpen(app);
            if (adminRoutes) audit(app, control.get(), clock);
            LOG.warn("running without API keys (--auth open or a loopback --bind): anyone who can reach the port can write, read and administer");
            return;
        }
        DataSource db = control.get();
        PostgresKeyStore store = PostgresKeyStore.migrated(db);
        Authenticator authenticator = new Authenticator(store, config.cacheTtl(), Ticker.systemTicker());
        AccessFilter.install(app, new AccessPolicy(writePaths), authenticator);
        if (adminRoutes) {
            KeyRoutes.register(app, new Keys(store, audit(app, db, clock), new SecureRandom(), clock), authenticator);
        }
        LOG.info("API keys required (--auth keys); a revoked key is refused by every node within {}", config.cacheTtl());
    }

    /** The audit of the node's admin actions, and its route. */
    private static AuditLog audit(Javalin app, DataSource db, Clock clock) {
        AuthSchema.migrate(db);
        AuditLog audit = new PostgresAuditLog(db);
        AuditTrail.install(app, audit, clock);
        AuditRoutes.register(app, audit);
        AccessFilter.mapRefusals(app); // an open node has no filter to map them, and the audit route refuses bad parameters
        return audit;
    }
}
