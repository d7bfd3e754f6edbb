package io.harbinger.store.shard;

import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.SharedPostgres;
import io.harbinger.store.shard.ReplicaStatus.Health;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two shards on real PostgreSQL: shard "one" (its own server, with a real streaming replica made
 * from a base backup) owns eu-west; shard "two" (a database of the shared server) owns us-east and
 * is the default. The servers are shared by the tests of this class, which run in order: the last
 * one stops the replica.
 */
@ExtendWith(SharedPostgres.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardsIT {
    private static final long LAG_BOUND = 512 * 1024;

    @TempDir
    static Path dir;
    private static BundledPostgres one;
    private static StreamingReplica replica;
    private static BundledPostgres shared;
    private static String twoDatabase;
    private static ScheduledExecutorService scheduler;
    private static Shards shards;

    @BeforeAll
    static void start(BundledPostgres sharedServer) {
        shared = sharedServer;
        one = BundledPostgres.start(dir.resolve("one"));
        twoDatabase = "shard_two_" + ProcessHandle.current().pid();
        StreamingReplica.execute(shared.jdbcUrl(), "CREATE DATABASE " + twoDatabase);
        replica = StreamingReplica.start(one, dir.resolve("one-replica"), "replica_one");
        scheduler = Executors.newSingleThreadScheduledExecutor();
        shards = Shards.open(map(replica.jdbcUrl()), Clock.systemUTC(), scheduler);
    }

    @AfterAll
    static void stop() {
        if (shards != null) shards.close();
        if (scheduler != null) scheduler.shutdownNow();
        if (replica != null) replica.close();
        if (one != null) one.close();
        if (twoDatabase != null) StreamingReplica.execute(shared.jdbcUrl(), "DROP DATABASE IF EXISTS " + twoDatabase + " WITH (FORCE)");
    }

    @Test
    @Order(1)
    void writesRouteByRegion_eachRegionsRowsLandOnlyOnItsShard() {
        insertSample("eu-west", "eu-d1");
        insertSample("us-east", "us-d1");
        insertSample("ap-south", "ap-d1");

        assertThat(shards.shardFor("eu-west").name()).isEqualTo("one");
        assertThat(shards.shardFor("us-east").name()).isEqualTo("two");
        assertThat(shards.shardFor("ap-south").name()).as("unlisted: the default shard").isEqualTo("two");
        assertThat(column(one.jdbcUrl(), "SELECT region || '/' || drive FROM disk_samples ORDER BY 1")).containsExactly("eu-west/eu-d1");
        assertThat(column(shared.jdbcUrl(twoDatabase), "SELECT region || '/' || drive FROM disk_samples ORDER BY 1"))
                .containsExactly("ap-south/ap-d1", "us-east/us-d1");
        assertThat(shards.shards()).extracting(s -> s.name()).containsExactly("one", "two");
    }

    @Test
    @Order(2)
    void aFanOutQueriesEveryShardsReader_andMergesConcatenatedAndTopN() {
        insertPrediction("eu-west", "eu-d1", 0.91);
        insertPrediction("eu-west", "eu-d2", 0.42);
        insertPrediction("us-east", "us-d1", 0.97);
        insertPrediction("ap-south", "ap-d1", 0.15);
        FanOut fanOut = new FanOut(shards.readers(), Duration.ofSeconds(10));

        List<String> everyDrive = eventually(() -> fanOut.concat((shard, reader) ->
                column(reader, "SELECT '" + shard + ":' || drive FROM disk_samples ORDER BY drive")), rows -> rows.size() == 3);
        List<Risk> top = eventually(() -> fanOut.top(3, Comparator.comparingDouble(Risk::probability).reversed(), (shard, reader) ->
                risks(reader, "SELECT drive, probability FROM predictions ORDER BY probability DESC LIMIT 3")), rows -> rows.size() == 3);

        assertThat(everyDrive).containsExactly("one:eu-d1", "two:ap-d1", "two:us-d1");
        assertThat(top).containsExactly(new Risk("us-d1", 0.97), new Risk("eu-d1", 0.91), new Risk("eu-d2", 0.42));
    }

    @Test
    @Order(3)
    void readsOfAShardWithAHealthyReplica_areServedByTheReplica_andSeeThePrimarysWrites() {
        insertSample("eu-west", "eu-d3");
        DataSource reader = shards.readerFor("eu-west");
        // Once the replica is within the bound again after these writes, it stays so (nothing else writes).
        eventually(() -> {
            shards.checkReplicas();
            return shards.replicaStatus().getFirst();
        }, ReplicaStatus::serving);

        List<String> drives = eventually(() -> column(reader, "SELECT drive FROM disk_samples ORDER BY drive"), rows -> rows.size() == 2);

        assertThat(drives).containsExactly("eu-d1", "eu-d3");
        assertThat(value(reader, "SELECT pg_is_in_recovery()")).isEqualTo("t");
        assertThat(value(reader, "SELECT inet_server_port()")).isEqualTo(Integer.toString(replicaPort()));
        assertThat(value(shards.readerFor("us-east"), "SELECT pg_is_in_recovery()")).as("shard two has no replica").isEqualTo("f");
        assertThat(shards.replicaStatus()).singleElement().satisfies(s -> {
            assertThat(s.shard()).isEqualTo("one");
            assertThat(s.health()).isEqualTo(Health.HEALTHY);
            assertThat(s.lagBytes().orElseThrow()).isLessThanOrEqualTo(LAG_BOUND);
        });
    }

    @Test
    @Order(4)
    void aReplicaLaggingBeyondTheBound_isSkipped_untilItCatchesUp() {
        StreamingReplica.execute(one.jdbcUrl(), "CREATE TABLE ballast (g int, pad text)");
        StreamingReplica.execute(replica.jdbcUrl(), "SELECT pg_wal_replay_pause()");
        eventually(() -> value(replica.jdbcUrl(), "SELECT pg_get_wal_replay_pause_state()"), "paused"::equals);

        // ~1 MB of WAL per round; more rounds only if replay had not stopped yet.
        ReplicaStatus lagging = eventually(() -> {
            StreamingReplica.execute(one.jdbcUrl(), "INSERT INTO ballast SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g");
            shards.checkReplicas();
            return shards.replicaStatus().getFirst();
        }, s -> s.health() == Health.LAGGING);

        assertThat(lagging.lagBytes().orElseThrow()).isGreaterThan(LAG_BOUND);
        assertThat(lagging.serving()).isFalse();
        assertThat(value(shards.readerFor("eu-west"), "SELECT pg_is_in_recovery()")).as("read by the primary").isEqualTo("f");

        StreamingReplica.execute(replica.jdbcUrl(), "SELECT pg_wal_replay_resume()");
        eventually(() -> {
            shards.checkReplicas();
            return shards.replicaStatus().getFirst();
        }, ReplicaStatus::serving);
        assertThat(value(shards.readerFor("eu-west"), "SELECT pg_is_in_recovery()")).isEqualTo("t");
        // Serving again means within the bound, not fully caught up: the last rows appear soon after.
        String written = value(one.jdbcUrl(), "SELECT count(*) FROM ballast");
        eventually(() -> value(shards.readerFor("eu-west"), "SELECT count(*) FROM ballast"), written::equals);
    }

    @Test
    @Order(5)
    void aReplicaDownAtStart_doesNotStopTheShards_andReadsGoToThePrimary() {
        try (Shards withDeadReplica = Shards.open(map("jdbc:postgresql://127.0.0.1:1/postgres"), Clock.systemUTC(), scheduler)) {
            assertThat(withDeadReplica.replicaStatus()).singleElement().satisfies(s -> {
                assertThat(s.health()).isEqualTo(Health.UNREACHABLE);
                assertThat(s.detail()).startsWith("unreachable: ");
            });
            assertThat(value(withDeadReplica.readerFor("eu-west"), "SELECT pg_is_in_recovery()")).isEqualTo("f");
            assertThat(value(withDeadReplica.readerFor("eu-west"), "SELECT inet_server_port()")).isEqualTo(Integer.toString(one.port()));
        }
    }

    @Test
    @Order(6)
    void whenTheReplicaStops_theBackgroundCheckSkipsIt_andReadsAreAnsweredByThePrimary() {
        int replicaPort = replicaPort();
        replica.close();

        ReplicaStatus down = eventually(() -> shards.replicaStatus().getFirst(), s -> s.health() == Health.UNREACHABLE);
        DataSource reader = shards.readerFor("eu-west");

        assertThat(down.detail()).startsWith("unreachable: ");
        assertThat(column(reader, "SELECT drive FROM disk_samples ORDER BY drive")).containsExactly("eu-d1", "eu-d3");
        assertThat(value(reader, "SELECT pg_is_in_recovery()")).isEqualTo("f");
        assertThat(value(reader, "SELECT inet_server_port()")).isEqualTo(Integer.toString(one.port())).isNotEqualTo(Integer.toString(replicaPort));
    }

    private static ShardMap map(String replicaUrl) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader("""
                    user=postgres
                    pool.size=3
                    replica.max-lag-bytes=%d
                    replica.check-interval-ms=200
                    replica.connect-timeout-ms=1000
                    shard.one.primary=%s
                    shard.one.replicas=%s
                    shard.one.regions=eu-west
                    shard.two.primary=%s
                    shard.two.regions=us-east
                    default.shard=two
                    """.formatted(LAG_BOUND, one.jdbcUrl(), replicaUrl, shared.jdbcUrl(twoDatabase))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ShardMap.parse(properties);
    }

    private static int replicaPort() {
        return Integer.parseInt(replica.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
    }

    private static void insertSample(String region, String drive) {
        DataSource primary = shards.shardFor(region).primary();
        new Partitions(primary, PartitionConfig.defaults(), Clock.systemUTC()).ensureRegion(region);
        execute(primary, "INSERT INTO disk_samples (region, host, drive, ts) VALUES ('" + region + "', 'h1', '" + drive + "', now())");
    }

    private static void insertPrediction(String region, String drive, double probability) {
        DataSource primary = shards.shardFor(region).primary();
        new Partitions(primary, PartitionConfig.defaults(), Clock.systemUTC()).ensureRegion(region);
        execute(primary, "INSERT INTO predictions (region, drive, ts, model_version, host, probability, bucket) VALUES ('"
                + region + "', '" + drive + "', now(), 'v1', 'h1', " + probability + ", 'b')");
    }

    private record Risk(String drive, double probability) {
    }

    private static List<Risk> risks(DataSource reader, String sql) throws SQLException {
        try (Connection c = reader.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Risk> risks = new ArrayList<>();
            while (rs.next()) risks.add(new Risk(rs.getString(1), rs.getDouble(2)));
            return risks;
        }
    }

    /** Polls until {@code done} holds (replication is asynchronous), for at most 15 s. */
    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            sleep();
            last = read.get();
        }
        assertThat(done.test(last)).as("condition not reached within 15 s; last value: %s", last).isTrue();
        return last;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static List<String> column(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) values.add(rs.getString(1));
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static List<String> column(String url, String sql) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(BundledPostgres.USER);
        return column(ds, sql);
    }

    private static String value(DataSource ds, String sql) {
        return column(ds, sql).getFirst();
    }

    private static String value(String url, String sql) {
        return column(url, sql).getFirst();
    }
}
