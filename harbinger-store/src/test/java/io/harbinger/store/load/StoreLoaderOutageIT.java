package io.harbinger.store.load;

import io.harbinger.store.SinglePrimary;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.pipeline.KafkaPointSink;
import io.harbinger.pipeline.SharedKafka;
import io.harbinger.schema.topic.Topics;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.PartitionConfig;
import io.harbinger.store.Partitions;
import io.harbinger.store.Schema;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static io.harbinger.store.load.LoaderFixture.await;
import static io.harbinger.store.load.LoaderFixture.count;
import static io.harbinger.store.load.LoaderFixture.countOrZero;
import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL stops while records keep arriving: the loader backs off paused, and catches up once it is back. */
@ExtendWith(SharedKafka.class)
class StoreLoaderOutageIT {
    @Test
    void postgresStopped_sinkBacksOff_andCatchesUpWithNothingLost(EmbeddedKafka kafka, @TempDir Path dir) {
        Topics topics = LoaderFixture.topics(kafka, 2);
        BundledPostgres postgres = BundledPostgres.start(dir.resolve("cluster"));
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(postgres.jdbcUrl());
        ds.setUser(BundledPostgres.USER);
        ds.setConnectTimeout(2);
        Schema.migrate(ds);
        MeterRegistry registry = new SimpleMeterRegistry();
        BundledPostgres restarted = null;
        boolean stopped = false;
        LoaderConfig config = LoaderConfig.from(LoaderFixture.quick().set(LoaderConfig.BACKOFF_MAX, Duration.ofMillis(800))
                .set(LoaderConfig.LAG_INTERVAL, Duration.ofMillis(100)).build(), kafka.bootstrapServers(), topics, Feed.SAMPLES);
        StoreLoader loader = StoreLoader.start(config, new SinglePrimary(ds),
                shard -> new Partitions(shard.primary(), PartitionConfig.defaults(), Clock.systemUTC()), registry);
        try (KafkaPointSink producer = LoaderFixture.producer(kafka, topics)) {
            for (int i = 0; i < 10; i++) LoaderFixture.write(producer, LoaderFixture.request(i, 4));
            await(Duration.ofSeconds(60), "the first requests stored", () -> count(ds, "SELECT count(*) FROM disk_samples") == 80);

            postgres.close();
            stopped = true;
            for (int i = 10; i < 40; i++) LoaderFixture.write(producer, LoaderFixture.request(i, 4)); // ingest keeps being acked
            await(Duration.ofSeconds(30), "the loader to notice and back off", () -> registry.get("harbinger.store.loader.paused").gauge().value() == 1
                    && registry.get("harbinger.store.loader.lag").gauge().value() > 0);
            double transientErrors = registry.get("harbinger.store.loader.errors").tag("kind", "transient").counter().count();
            pause(1500);
            double later = registry.get("harbinger.store.loader.errors").tag("kind", "transient").counter().count();
            assertThat(later - transientErrors).as("capped exponential back-off: few attempts in 1.5 s").isBetween(1.0, 6.0);
            assertThat(loader.isRunning()).isTrue();

            restarted = BundledPostgres.start(dir.resolve("cluster"));
            ds.setURL(restarted.jdbcUrl());
            await(Duration.ofSeconds(60), "catching up from Kafka", () -> countOrZero(ds, "SELECT count(*) FROM disk_samples") == 320
                    && countOrZero(ds, "SELECT count(*) FROM host_metrics") == 160);
            await(Duration.ofSeconds(10), "lag back to 0 and unpaused", () -> registry.get("harbinger.store.loader.lag").gauge().value() == 0
                    && registry.get("harbinger.store.loader.paused").gauge().value() == 0);
            assertThat(count(ds, "SELECT count(DISTINCT ts) FROM disk_samples")).isEqualTo(40);
        } finally {
            loader.close();
            if (restarted != null) restarted.close();
            if (!stopped) postgres.close();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
