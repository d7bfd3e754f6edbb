package io.harbinger.store.shard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardMapTest {
    private static final String TWO_SHARDS = """
            user=harbinger
            password=s3cret
            shard.eu.primary=jdbc:postgresql://pg-eu-1:5432/harbinger
            shard.eu.replicas=jdbc:postgresql://pg-eu-2:5432/harbinger, jdbc:postgresql://pg-eu-3/harbinger?sslmode=require
            shard.eu.regions=eu-west, eu-central
            shard.us.primary=jdbc:postgresql://10.0.0.7:6432/harbinger
            shard.us.regions=us-east
            shard.us.user=us_writer
            default.shard=us
            """;

    @Test
    void parse_aTwoShardMap_givesShardsReplicasRegionsAndCredentials() {
        ShardMap map = parse(TWO_SHARDS);

        assertThat(map.shards()).extracting(ShardMap.ShardSpec::name).containsExactly("eu", "us");
        ShardMap.ShardSpec eu = map.shards().getFirst();
        assertThat(eu.primaryUrl()).isEqualTo("jdbc:postgresql://pg-eu-1:5432/harbinger");
        assertThat(eu.replicaUrls()).containsExactly("jdbc:postgresql://pg-eu-2:5432/harbinger",
                "jdbc:postgresql://pg-eu-3/harbinger?sslmode=require");
        assertThat(eu.regions()).containsExactly("eu-west", "eu-central");
        assertThat(eu.credentials()).isEqualTo(new ShardMap.Credentials("harbinger", "s3cret"));
        assertThat(map.shards().get(1).credentials()).isEqualTo(new ShardMap.Credentials("us_writer", "s3cret"));
        assertThat(map.defaultShard()).isEqualTo("us");
        assertThat(map.poolSize()).isEqualTo(8);
        assertThat(map.replicas()).isEqualTo(ShardMap.ReplicaPolicy.defaults());
    }

    @Test
    void shardOf_aListedRegion_isItsShard_andAnyOtherRegion_isTheDefault() {
        ShardMap map = parse(TWO_SHARDS);

        assertThat(map.shardOf("eu-central")).isEqualTo("eu");
        assertThat(map.shardOf("us-east")).isEqualTo("us");
        assertThat(map.shardOf("ap-south")).isEqualTo("us");
        assertThat(map.shardOf("EU-WEST")).as("regions are exact strings").isEqualTo("us");
    }

    @Test
    void parse_oneShardWithoutRegionsOrDefault_takesEveryRegion() {
        ShardMap map = parse("shard.main.primary=jdbc:postgresql://127.0.0.1:5432/postgres\nuser=postgres");

        assertThat(map.defaultShard()).isEqualTo("main");
        assertThat(map.shardOf("anything")).isEqualTo("main");
        assertThat(map.shards().getFirst().credentials().password()).isEmpty();
    }

    @Test
    void parse_tuningSettings_areRead() {
        ShardMap map = parse(TWO_SHARDS + """
                pool.size=3
                replica.max-lag-bytes=65536
                replica.check-interval-ms=250
                replica.connect-timeout-ms=1000
                """);

        assertThat(map.poolSize()).isEqualTo(3);
        assertThat(map.replicas()).isEqualTo(new ShardMap.ReplicaPolicy(65_536, Duration.ofMillis(250), Duration.ofSeconds(1)));
    }

    @Test
    void parse_aRegionInTwoShards_namesTheRegionAndBothSettings() {
        assertThat(problems(TWO_SHARDS + "shard.us.regions=us-east,eu-west\n")).containsExactly(
                "region 'eu-west' is in shard.eu.regions and shard.us.regions: a region belongs to exactly one shard");
    }

    @Test
    void parse_anUnknownDefaultShard_listsTheShards() {
        assertThat(problems(TWO_SHARDS + "default.shard=asia\n")).containsExactly(
                "default.shard: 'asia' is not a shard; valid: [eu, us]");
    }

    @Test
    void parse_twoShardsWithoutDefault_asksForOne() {
        assertThat(problems(TWO_SHARDS.replace("default.shard=us", ""))).containsExactly(
                "default.shard: missing: set it to one of [eu, us] (the shard of every region that no shard.<name>.regions lists)");
    }

    @Test
    void parse_malformedUrls_nameTheSettingTheValueAndTheForm() {
        List<String> problems = problems(TWO_SHARDS
                .replace("jdbc:postgresql://pg-eu-1:5432/harbinger", "jdbc:mysql://pg-eu-1:3306/harbinger")
                .replace("jdbc:postgresql://10.0.0.7:6432/harbinger", "jdbc:postgresql://10.0.0.7:70000/harbinger"));

        assertThat(problems).containsExactly(
                "shard.eu.primary: 'jdbc:mysql://pg-eu-1:3306/harbinger' is not a PostgreSQL JDBC URL; "
                        + "expected jdbc:postgresql://host[:port]/database[?options] (one host)",
                "shard.us.primary: 'jdbc:postgresql://10.0.0.7:70000/harbinger' has port 70000; expected 1..65535");
    }

    @Test
    void parse_urlsWithoutDatabaseOrWithSeveralHosts_areRefused() {
        assertThat(problems("user=u\nshard.a.primary=jdbc:postgresql://h1:5432\n")).hasSize(1)
                .allSatisfy(p -> assertThat(p).startsWith("shard.a.primary: 'jdbc:postgresql://h1:5432' is not a PostgreSQL JDBC URL"));
        assertThat(problems("user=u\nshard.a.primary=jdbc:postgresql://h1:5432,h2:5432/db\n")).hasSize(1);
    }

    @Test
    void parse_aShardOwningNothing_isRefusedUnlessItIsTheDefault() {
        assertThat(problems(TWO_SHARDS + "shard.spare.primary=jdbc:postgresql://pg-spare/harbinger\n")).containsExactly(
                "shard.spare.regions: missing or empty, and spare is not default.shard: the shard would own nothing; "
                        + "list its regions or remove shard.spare.*");
        assertThat(parse(TWO_SHARDS.replace("shard.us.regions=us-east", "")).shards().get(1).regions()).isEmpty();
    }

    @Test
    void parse_aShardWithoutPrimary_isRefused() {
        assertThat(problems(TWO_SHARDS + "shard.asia.regions=ap-south\n")).containsExactly(
                "shard.asia.primary: missing or empty: every shard needs its primary, "
                        + "expected jdbc:postgresql://host[:port]/database[?options] (one host)");
    }

    @Test
    void parse_misspelledSettings_areRefusedWithTheValidOnes() {
        assertThat(problems(TWO_SHARDS + "shard.eu.replica=jdbc:postgresql://x/y\ndefault-shard=eu\n")).containsExactly(
                "default-shard: unknown setting; valid: shard.<name>.[primary, replicas, regions, user, password], "
                        + "[default.shard, password, pool.size, replica.check-interval-ms, replica.connect-timeout-ms, "
                        + "replica.max-lag-bytes, user]",
                "shard.eu.replica: unknown shard setting 'replica'; valid: [primary, replicas, regions, user, password]");
    }

    @Test
    void parse_badNumbers_nameTheRange() {
        assertThat(problems(TWO_SHARDS + "pool.size=0\nreplica.max-lag-bytes=16MB\nreplica.connect-timeout-ms=10\n")).containsExactly(
                "pool.size: '0' is not valid; expected a whole number in 1..1000",
                "replica.max-lag-bytes: '16MB' is not valid; expected a whole number in 0..9223372036854775807",
                "replica.connect-timeout-ms: '10' is not valid; expected a whole number in 250..600000");
    }

    @Test
    void parse_replicasThatAreThePrimaryOrAnotherShardsServer_areRefused() {
        assertThat(problems(TWO_SHARDS + "shard.us.replicas=jdbc:postgresql://10.0.0.7:6432/harbinger,"
                + "jdbc:postgresql://pg-eu-2:5432/harbinger\n")).containsExactly(
                "shard.us.replicas: 'jdbc:postgresql://10.0.0.7:6432/harbinger' is the shard's primary; list only its replicas",
                "shard.us: 'jdbc:postgresql://pg-eu-2:5432/harbinger' is also a server of shard eu: "
                        + "each PostgreSQL instance belongs to one shard");
    }

    @Test
    void parse_emptyListItemsAndDuplicates_areRefused() {
        assertThat(problems(TWO_SHARDS.replace("eu-west, eu-central", "eu-west,,eu-west"))).containsExactly(
                "shard.eu.regions: an empty region (two commas, or a trailing comma); list non-empty values separated by ','",
                "shard.eu.regions: region 'eu-west' listed twice; list each once");
    }

    @Test
    void parse_missingUser_isRefused_perShard() {
        assertThat(problems("shard.a.primary=jdbc:postgresql://h/db\n")).containsExactly(
                "shard.a.user: missing (and no global user=): set the PostgreSQL user of shard a");
    }

    @Test
    void parse_reportsEveryProblemInOnePass() {
        ShardMapException e = catchProblems(TWO_SHARDS
                + "shard.us.regions=eu-west\ndefault.shard=nope\nshard.x.primary=jdbc:oracle:thin:@h\npool.size=-1\n");

        assertThat(e.problems()).hasSize(5);
        assertThat(e.getMessage()).startsWith("invalid shard map (5 problems):\n  - ");
    }

    @Test
    void parse_noShards_isRefused() {
        assertThat(problems("user=u\n")).containsExactly(
                "no shard defined: add at least shard.<name>.primary=jdbc:postgresql://host:port/database");
    }

    @Test
    void passwords_neverAppearInMessagesOrToString() {
        ShardMapException e = catchProblems(TWO_SHARDS
                + "shard.us.replicas=jdbc:postgresql://h/db?password=s3cret,bad?password=s3cret,bad?password=s3cret\n");

        assertThat(e.problems()).hasSize(3);

        assertThat(e.getMessage()).doesNotContain("s3cret");
        assertThat(parse(TWO_SHARDS).toString()).doesNotContain("s3cret");
    }

    @Test
    void constructor_checksTheCrossShardRulesToo() {
        ShardMap.Credentials who = new ShardMap.Credentials("u", "");
        ShardMap.ShardSpec a = new ShardMap.ShardSpec("a", "jdbc:postgresql://h1/db", List.of(), java.util.Set.of("r"), who);
        ShardMap.ShardSpec b = new ShardMap.ShardSpec("b", "jdbc:postgresql://h2/db", List.of(), java.util.Set.of("r"), who);

        assertThatThrownBy(() -> new ShardMap(List.of(a, b), "a", 8, ShardMap.ReplicaPolicy.defaults()))
                .isInstanceOf(ShardMapException.class)
                .hasMessageContaining("region 'r' is in shard.a.regions and shard.b.regions");
    }

    private static ShardMap parse(String text) {
        return ShardMap.parse(properties(text));
    }

    private static List<String> problems(String text) {
        return catchProblems(text).problems();
    }

    private static ShardMapException catchProblems(String text) {
        try {
            ShardMap map = ShardMap.parse(properties(text));
            throw new AssertionError("expected the map to be refused, got " + map);
        } catch (ShardMapException e) {
            return e;
        }
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
