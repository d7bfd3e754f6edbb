package io.harbinger.app;

import io.harbinger.embedded.BundledPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --shard-map}: regions spread over two PostgreSQL primaries. Data of a region reaches only
 * its shard; a region no shard lists goes to the default shard.
 */
class ShardMapIT {
    @TempDir
    Path dir;

    @Test
    void eachRegionsRows_landOnItsShardOnly() throws Exception {
        try (BundledPostgres eu = BundledPostgres.start(dir.resolve("pg-eu"));
             BundledPostgres us = BundledPostgres.start(dir.resolve("pg-us"))) {
            Path map = dir.resolve("shards.properties");
            Files.writeString(map, String.join("\n",
                    "user=postgres", "password=",
                    "shard.eu.primary=" + eu.jdbcUrl(), "shard.eu.regions=eu-west",
                    "shard.us.primary=" + us.jdbcUrl(), "shard.us.regions=us-east",
                    "default.shard=us", ""));
            try (HarbingerProcess node = HarbingerProcess.start(dir.resolve("node"), List.of("-Xmx384m"), "--shard-map", map.toString())) {
                assertThat(Files.exists(dir.resolve("node/postgres"))).as("no bundled PostgreSQL of its own").isFalse();
                StringBuilder body = new StringBuilder();
                for (String region : List.of("eu-west", "us-east", "ap-south")) {
                    for (int h = 0; h < 5; h++) body.append("host,region=").append(region).append(",host=h").append(h).append(" cpu=").append(h).append('\n');
                }
                HttpResponse<String> r = Http.post(node.base() + "/write", "text/plain", body.toString().getBytes());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(204);

                String count = "SELECT count(*) FROM host_metrics WHERE region = ?";
                assertThat(Sql.await(() -> Sql.count(eu.jdbcUrl(), count, "eu-west"), 5, Duration.ofSeconds(60))).isEqualTo(5);
                assertThat(Sql.await(() -> Sql.count(us.jdbcUrl(), count, "us-east"), 5, Duration.ofSeconds(60))).isEqualTo(5);
                assertThat(Sql.await(() -> Sql.count(us.jdbcUrl(), count, "ap-south"), 5, Duration.ofSeconds(60))).as("default shard").isEqualTo(5);
                assertThat(Sql.count(eu.jdbcUrl(), "SELECT count(*) FROM host_metrics WHERE region <> 'eu-west'")).isZero();
                assertThat(Sql.count(us.jdbcUrl(), "SELECT count(*) FROM host_metrics WHERE region = 'eu-west'")).isZero();
            }
        }
    }
}
