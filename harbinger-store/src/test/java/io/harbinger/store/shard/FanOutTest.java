package io.harbinger.store.shard;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FanOutTest {
    private static final Map<String, DataSource> THREE = shards("a", "b", "c");

    @Test
    void concat_runsOnEveryShard_andKeepsTheShardOrder() {
        FanOut fanOut = new FanOut(THREE, Duration.ofSeconds(5));

        List<String> rows = fanOut.concat((shard, reader) -> {
            if (shard.equals("a")) sleep(50);
            return List.of(shard + "1", shard + "2");
        });

        assertThat(rows).containsExactly("a1", "a2", "b1", "b2", "c1", "c2");
    }

    @Test
    void concat_givesEachShardItsOwnReader() {
        assertThat(new FanOut(THREE, Duration.ofSeconds(5)).concat((shard, reader) -> List.of(reader == THREE.get(shard))))
                .containsExactly(true, true, true);
    }

    @Test
    void top_mergesEveryShardsTopByTheComparator() {
        Map<String, List<Double>> risk = Map.of("a", List.of(0.97, 0.40, 0.10), "b", List.of(0.99, 0.50), "c", List.of());
        FanOut fanOut = new FanOut(THREE, Duration.ofSeconds(5));

        List<Double> top = fanOut.top(3, Comparator.<Double>reverseOrder(), (shard, reader) -> risk.get(shard));

        assertThat(top).containsExactly(0.99, 0.97, 0.50);
    }

    @Test
    void theShardsAreQueriedInParallel() {
        CountDownLatch allStarted = new CountDownLatch(3);
        FanOut fanOut = new FanOut(THREE, Duration.ofSeconds(5));

        List<Boolean> sawTheOthers = fanOut.concat((shard, reader) -> {
            allStarted.countDown();
            return List.of(await(allStarted));
        });

        assertThat(sawTheOthers).containsExactly(true, true, true);
    }

    @Test
    void aFailingShard_failsTheFanOut_namingTheShard_withoutWaitingForSlowShards() {
        FanOut fanOut = new FanOut(THREE, Duration.ofSeconds(30));
        long start = System.nanoTime();

        assertThatThrownBy(() -> fanOut.concat((shard, reader) -> {
            if (shard.equals("b")) throw new SQLException("relation \"predictions\" does not exist");
            sleep(20_000);
            return List.of(shard);
        }))
                .isInstanceOfSatisfying(FanOutException.class, e -> {
                    assertThat(e.failed()).containsOnlyKeys("b");
                    assertThat(e.unanswered()).containsExactly("a", "c");
                })
                .hasMessage("fan-out over 3 shards failed on shard b: relation \"predictions\" does not exist; "
                        + "no answer (cancelled) from [a, c]")
                .hasRootCauseInstanceOf(SQLException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aShardNotAnsweringInTime_failsTheFanOut_namingTheShard() {
        FanOut fanOut = new FanOut(THREE, Duration.ofMillis(200));

        assertThatThrownBy(() -> fanOut.concat((shard, reader) -> {
            sleep(shard.equals("a") ? 20_000 : 0);
            return List.of(shard);
        }))
                .isInstanceOfSatisfying(FanOutException.class, e -> assertThat(e.unanswered()).containsExactly("a"))
                .hasMessage("fan-out over 3 shards timed out after PT0.2S; no answer (cancelled) from [a]");
    }

    @Test
    void aQueryReturningNull_isAFailureOfItsShard() {
        assertThatThrownBy(() -> new FanOut(THREE, Duration.ofSeconds(5)).concat((shard, reader) -> shard.equals("c") ? null : List.of()))
                .isInstanceOf(FanOutException.class)
                .hasMessageStartingWith("fan-out over 3 shards failed on shard c: the query returned null");
    }

    @Test
    void constructor_refusesNoShardsAndNonPositiveTimeouts() {
        assertThatThrownBy(() -> new FanOut(Map.of(), Duration.ofSeconds(1))).hasMessage("a fan-out needs at least one shard");
        assertThatThrownBy(() -> new FanOut(THREE, Duration.ZERO)).hasMessage("timeout must be > 0, was PT0S");
        assertThatThrownBy(() -> new FanOut(THREE, Duration.ofSeconds(1)).top(0, Comparator.<String>naturalOrder(), (s, r) -> List.of()))
                .hasMessage("n must be >= 1, was 0");
    }

    private static Map<String, DataSource> shards(String... names) {
        Map<String, DataSource> readers = new LinkedHashMap<>();
        for (String name : names) readers.put(name, new PGSimpleDataSource());
        return readers;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
