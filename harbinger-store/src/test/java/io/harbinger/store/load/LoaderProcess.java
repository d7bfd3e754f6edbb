package io.harbinger.store.load;

import io.harbinger.store.SinglePrimary;
import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.schema.topic.Topics;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.PostgresPool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A loader alone in a JVM, for {@link StoreLoaderCrashIT} to kill with SIGKILL. Static group
 * membership: a restarted process takes over its predecessor's partitions at once instead of
 * waiting for the dead member's session to time out.
 *
 * <p>Arguments: bootstrap servers, topic prefix, JDBC URL, batch rows.
 */
public final class LoaderProcess {
    private LoaderProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        HikariDataSource ds = PostgresPool.open(args[2], "postgres", "", 4);
        LoaderConfig config = new LoaderConfig(args[0], new Topics(args[1]), Feed.SAMPLES, Integer.parseInt(args[3]), Duration.ofMillis(50), 20,
                Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(1), io.harbinger.store.rows.CopyFormat.BINARY,
                WriteMode.OPTIMISTIC, Map.of("group.instance.id", "crash-test", "session.timeout.ms", 10_000));
        StoreLoader.start(config, new SinglePrimary(ds), shard -> new Partitions(shard.primary(), PartitionConfig.defaults(), Clock.systemUTC()),
                new SimpleMeterRegistry());
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
