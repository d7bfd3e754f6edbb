package io.harbinger.alert;

import io.harbinger.alert.deliver.Dispatcher;
import io.harbinger.alert.engine.AlertEngine;
import io.harbinger.alert.store.AlertSchema;
import io.harbinger.alert.store.PostgresAlertBook;
import io.harbinger.schema.alert.AlertBook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Alerting as a node runs it: the schema migrated in the control database, the engine evaluating the
 * predictions topic, the dispatcher delivering the outbox, and the {@link AlertBook} the API reads. Closed in
 * reverse: the dispatcher (the request in progress finishes), then the engine (the poll in progress commits
 * or not, whole). What is not delivered stays in the outbox for the next start.
 */
public final class Alerting implements MeterBinder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);

    private final AlertEngine engine;
    private final Dispatcher dispatcher;
    private final AlertBook book;

    private Alerting(AlertEngine engine, Dispatcher dispatcher, AlertBook book) {
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.book = book;
    }

    /** @param control the control database (the bundled PostgreSQL, or the first shard's primary) */
    public static Alerting start(AlertConfig config, DataSource control, Clock clock) {
        int applied = AlertSchema.migrate(control);
        AlertEngine engine = AlertEngine.start(config, control, clock);
        Dispatcher dispatcher;
        try {
            dispatcher = Dispatcher.start(config, control, clock);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        LOG.info("alerting on {} (rule {}, for {}, keep firing for {}), receivers {}{}", config.topic(), config.rule().name(),
                config.rule().hold(), config.rule().keepFiringFor(), config.receivers().stream().map(r -> r.name() + " " + r.target()).toList(),
                applied > 0 ? ", " + applied + " migrations applied" : "");
        return new Alerting(engine, dispatcher, new PostgresAlertBook(control, clock));
    }

    /**
     * The alerts and silences in the control database, for a node that serves the API without running the
     * engine (the schema migrated first: the API node may start before the alerting node).
     */
    public static AlertBook book(DataSource control, Clock clock) {
        AlertSchema.migrate(control);
        return new PostgresAlertBook(control, clock);
    }

    public AlertBook book() {
        return book;
    }

    /** The delivery meters ({@code harbinger.alert.*} per receiver; none without receivers). */
    @Override
    public void bindTo(MeterRegistry registry) {
        dispatcher.bindTo(registry);
    }

    public boolean isRunning() {
        return engine.isRunning();
    }

    @Override
    public void close() {
        dispatcher.close();
        engine.close();
    }
}
