package io.harbinger.store.load;

import io.harbinger.store.SinglePrimary;
import io.harbinger.core.config.Settings;
import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.PointSink;
import io.harbinger.core.point.Tag;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.pipeline.KafkaPointSink;
import io.harbinger.schema.topic.Topics;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.PartitionedTable;
import io.harbinger.store.Partitions;
import io.harbinger.store.PostgresPool;
import io.harbinger.store.Schema;
import io.harbinger.store.rows.CopyEncoding;
import io.harbinger.store.rows.CopyFormat;
import io.harbinger.store.rows.PointRows;
import io.harbinger.store.rows.Row;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.postgresql.PGConnection;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Loader throughput against the ceiling of plain COPY of the same rows into the same tables on the same
 * PostgreSQL, in one run. A main, not a test: run it with the store's test classpath (see BENCHMARKS.md).
 * Per configuration: wall-clock rows/s, and rows per CPU-second of the writing thread plus the
 * PostgreSQL server processes (the loader thread also decodes, maps and polls Kafka; the broker runs in
 * this JVM on other threads and is not counted).
 *
 * <p>Arguments: [hosts (default 2000)] [requests per host (default 12)]. A request of one host is 3
 * smart points and 1 host point (the ingest bench's shape), so rows = hosts x requests x 4.
 */
public final class StoreLoaderBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StoreLoaderBench() {
    }

    record Result(String what, long rows, long wallNanos, long cpuNanos) {
        double rowsPerSecond() {
            return rows * 1e9 / wallNanos;
        }

        double rowsPerCpuSecond() {
            return rows * 1e9 / cpuNanos;
        }
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Path dir = Files.createTempDirectory("harbinger-loader-bench");
        try (BundledPostgres postgres = BundledPostgres.start(dir.resolve("pg")); EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            Topics topics = new Topics("bench.");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                new io.harbinger.pipeline.TopicAdmin(topics).ensure(admin, 3, (short) 1);
            }
            List<List<Point>> batches = workload(hosts, requests);
            produce(kafka, topics, batches);
            List<Row> rows = batches.stream().flatMap(List::stream).map(PointRows::of).toList();
            List<Result> results = new ArrayList<>();
            int run = 0;
            for (int round = 0; round < 3; round++) { // round 0 warms the JIT up and is not reported
                String tag = round == 0 ? "(warm-up) " : "";
                List<Result> these = List.of(
                        ceiling(postgres, ++run, rows, CopyFormat.BINARY),
                        loader(postgres, kafka, topics, ++run, rows.size(), CopyFormat.BINARY, WriteMode.OPTIMISTIC),
                        loader(postgres, kafka, topics, ++run, rows.size(), CopyFormat.BINARY, WriteMode.STAGED),
                        ceiling(postgres, ++run, rows, CopyFormat.TEXT),
                        loader(postgres, kafka, topics, ++run, rows.size(), CopyFormat.TEXT, WriteMode.OPTIMISTIC));
                for (Result r : these) results.add(new Result(tag + r.what(), r.rows(), r.wallNanos(), r.cpuNanos()));
            }
            System.out.printf("%-40s %10s %12s %16s %14s%n", "run", "rows", "rows/s", "rows/CPU-s", "CPU vs ceiling");
            double ceiling = 0;
            for (Result r : results) {
                if (r.what().contains("ceiling")) ceiling = r.rowsPerCpuSecond();
                System.out.printf("%-40s %10d %12.0f %16.0f %14.2f%n", r.what(), r.rows(), r.rowsPerSecond(), r.rowsPerCpuSecond(),
                        r.rowsPerCpuSecond() / ceiling);
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<List<Point>> workload(int hosts, int requests) {
        long t0 = (System.currentTimeMillis() / 1000 - 86_400) * 1_000_000_000L;
        List<List<Point>> batches = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            long ts = t0 + r * 10_000_000_000L;
            List<Point> request = new ArrayList<>();
            for (int h = 0; h < hosts; h++) {
                String region = "region-" + (h % 3);
                String host = "host-" + h;
                for (int d = 0; d < 3; d++) {
                    request.add(new Point("smart", region, host, "ZA" + h + "-" + d, List.of(new Tag("model", "ST4000DM000")),
                            List.of(new Field("smart_5_raw", 0), new Field("smart_9_raw", 31_337 + r), new Field("smart_187_raw", 0),
                                    new Field("smart_188_raw", 0), new Field("smart_194_raw", 36), new Field("smart_197_raw", 0),
                                    new Field("smart_198_raw", 0), new Field("smart_199_raw", 2)), ts));
                }
                request.add(new Point("host", region, host, "", List.of(new Tag("dc", region + "-a")),
                        List.of(new Field("load1", 0.42 + r), new Field("mem_used_pct", 61.5), new Field("uptime_s", 86_400), new Field("procs", 213)), ts));
                if (request.size() >= 1000) {
                    batches.add(request);
                    request = new ArrayList<>();
                }
            }
            if (!request.isEmpty()) batches.add(request);
        }
        return batches;
    }

    private static void produce(EmbeddedKafka kafka, Topics topics, List<List<Point>> batches) throws Exception {
        try (KafkaPointSink producer = KafkaPointSink.create(kafka.bootstrapServers(), topics.samples().name(), Map.of(), new SimpleMeterRegistry())) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (List<Point> batch : batches) acks.add(producer.write(batch, PointSink.WriteOptions.NONE).toCompletableFuture());
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
        }
    }

    /** A schema with the tables and the partitions of the workload's regions. */
    private static HikariDataSource schema(BundledPostgres postgres, int run) throws Exception {
        String schema = "run" + run;
        try (Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), BundledPostgres.USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        HikariDataSource ds = PostgresPool.open(postgres.jdbcUrl() + "?currentSchema=" + schema, BundledPostgres.USER, "", 4);
        Schema.migrate(ds);
        Partitions partitions = new Partitions(ds, PartitionConfig.defaults(), Clock.systemUTC());
        for (int region = 0; region < 3; region++) partitions.ensureRegion("region-" + region);
        return ds;
    }

    /** Plain COPY of the pre-mapped rows, 20,000 per transaction like the loader's default batch. */
    private static Result ceiling(BundledPostgres postgres, int run, List<Row> rows, CopyFormat format) throws Exception {
        try (HikariDataSource ds = schema(postgres, run); Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long pgCpu = postgresCpu(postgres);
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int from = 0; from < rows.size(); from += 20_000) {
                Map<PartitionedTable, List<Row>> byTable = rows.subList(from, Math.min(rows.size(), from + 20_000)).stream()
                        .collect(Collectors.groupingBy(Row::table, () -> new EnumMap<>(PartitionedTable.class), Collectors.toList()));
                for (Map.Entry<PartitionedTable, List<Row>> e : byTable.entrySet()) {
                    byte[] data = CopyEncoding.encode(e.getValue(), format);
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(CopyEncoding.copySql(e.getKey().tableName(), e.getKey(), format),
                            new java.io.ByteArrayInputStream(data));
                }
                c.commit();
            }
            long wall = System.nanoTime() - start;
            long used = THREADS.getCurrentThreadCpuTime() - cpu + postgresCpu(postgres) - pgCpu;
            return new Result("COPY ceiling, " + format, rows.size(), wall, used);
        }
    }

    private static Result loader(BundledPostgres postgres, EmbeddedKafka kafka, Topics topics, int run, long expected,
                               CopyFormat format, WriteMode mode) throws Exception {
        try (HikariDataSource ds = schema(postgres, run)) {
            Settings settings = Settings.builder(LoaderConfig.SETTINGS).set(LoaderConfig.COPY_FORMAT, format).set(LoaderConfig.WRITE_MODE, mode).build();
            LoaderConfig config = LoaderConfig.from(settings, kafka.bootstrapServers(), new Topics(topics.prefix()), Feed.SAMPLES);
            long endOffsets = StoreLoaderIT.endOffsets(kafka, topics);
            // a fresh schema has no stored offsets, so the loader starts at the beginning
            long pgCpu = postgresCpu(postgres);
            long start = System.nanoTime();
            try (StoreLoader loader = StoreLoader.start(config, new SinglePrimary(ds), shard -> new Partitions(shard.primary(), PartitionConfig.defaults(), Clock.systemUTC()),
                    new SimpleMeterRegistry())) {
                while (LoaderFixture.count(ds, "SELECT coalesce(sum(next_offset), 0) FROM loader_offsets") < endOffsets) {
                    if (!loader.isRunning()) throw new IllegalStateException("the loader stopped", loader.failure().orElse(null));
                    Thread.sleep(10);
                }
                long wall = System.nanoTime() - start;
                long used = sinkThreadCpu() + postgresCpu(postgres) - pgCpu;
                long stored = LoaderFixture.count(ds, "SELECT (SELECT count(*) FROM disk_samples) + (SELECT count(*) FROM host_metrics)");
                if (stored != expected) throw new IllegalStateException("run " + run + " stored " + stored + " rows, expected " + expected);
                return new Result("loader, " + format + ", " + mode, expected, wall, used);
            }
        }
    }

    private static long sinkThreadCpu() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("harbinger-samples-loader"))
                .mapToLong(t -> THREADS.getThreadCpuTime(t.threadId())).sum();
    }

    /** CPU time of the postmaster and its live children (the pooled backends stay alive during a run). */
    private static long postgresCpu(BundledPostgres postgres) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(postgres.dataDir().resolve("postmaster.pid")).getFirst().trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }
}
