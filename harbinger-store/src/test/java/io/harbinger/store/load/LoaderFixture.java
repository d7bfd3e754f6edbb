package io.harbinger.store.load;

import io.harbinger.core.config.Settings;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.PointSink;
import io.harbinger.core.point.Tag;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.pipeline.KafkaPointSink;
import io.harbinger.schema.topic.Topics;
import io.harbinger.store.rows.CopyFormat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Topics, points, producing and polling helpers for the loader's integration tests. */
final class LoaderFixture {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    /** A recent instant (partitions are made around "now"; ensureCovering handles any other day too). */
    static final long T0 = (System.currentTimeMillis() / 1000 - 3600) * 1_000_000_000L;

    private LoaderFixture() {
    }

    /** Small batches, a short back-off and lag interval, so the tests are quick: the loader's settings as a node reads them. */
    static Settings.Builder quick() {
        return Settings.builder(LoaderConfig.SETTINGS).set(LoaderConfig.BATCH_ROWS, 500).set(LoaderConfig.BATCH_LATENCY, Duration.ofMillis(100))
                .set(LoaderConfig.BACKOFF_INITIAL, Duration.ofMillis(50)).set(LoaderConfig.BACKOFF_MAX, Duration.ofMillis(500))
                .set(LoaderConfig.LAG_INTERVAL, Duration.ofMillis(200));
    }

    /** {@link #quick()}, writing with {@code format} and {@code mode}. */
    static Settings.Builder quick(CopyFormat format, WriteMode mode) {
        return quick().set(LoaderConfig.COPY_FORMAT, format).set(LoaderConfig.WRITE_MODE, mode);
    }

    /** A fresh topic prefix with its samples topic created ({@code partitions} partitions). */
    static Topics topics(EmbeddedKafka kafka, int partitions) {
        Topics topics = new Topics("loader" + ProcessHandle.current().pid() + "x" + PREFIXES.incrementAndGet() + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new io.harbinger.pipeline.TopicAdmin(topics).ensure(admin, partitions, (short) 1);
        }
        return topics;
    }

    static KafkaPointSink producer(EmbeddedKafka kafka, Topics topics) {
        return KafkaPointSink.create(kafka.bootstrapServers(), topics.samples().name(), Map.of(), new SimpleMeterRegistry());
    }

    /** Request {@code i}: for each of {@code hosts} hosts, 2 smart points and 1 host point at T0 + i seconds. */
    static List<Point> request(int i, int hosts) {
        List<Point> points = new ArrayList<>();
        long ts = T0 + i * 1_000_000_000L;
        for (int h = 0; h < hosts; h++) {
            String region = h % 2 == 0 ? "eu" : "us-east";
            String host = "h" + h;
            for (int d = 0; d < 2; d++) {
                points.add(new Point("smart", region, host, host + "-d" + d, List.of(new Tag("model", "ST4000DM000")),
                        List.of(new Field("smart_5_raw", i), new Field("smart_9_raw", 1000 + i), new Field("smart_199_raw", d)), ts));
            }
            points.add(new Point("cpu", region, host, "", List.of(new Tag("cpu", "total")),
                    List.of(new Field("usage_user", 0.5 * i), new Field("usage_system", 1)), ts));
        }
        return points;
    }

    static void write(KafkaPointSink producer, List<Point> points) {
        try {
            producer.write(points, PointSink.WriteOptions.NONE).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) { // a test helper: any failure to produce fails the test
            throw new AssertionError("producing " + points.size() + " points failed", e);
        }
    }

    static long count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Polls {@code condition} every 50 ms until it holds or {@code timeout} passes (then fails with {@code what}). */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Same as {@link #count} but 0 when the database cannot be reached (while it is down). */
    static long countOrZero(DataSource ds, String sql) {
        try {
            return count(ds, sql);
        } catch (IllegalStateException e) {
            return -1;
        }
    }
}
