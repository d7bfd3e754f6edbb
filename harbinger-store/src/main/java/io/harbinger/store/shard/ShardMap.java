package io.harbinger.store.shard;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Which PostgreSQL primary owns which regions, the read replicas of each, and the shard that takes
 * every region not listed. Built from a properties file by {@link #parse}, which checks every
 * setting in one pass and reports all problems at once ({@link ShardMapException}); the
 * constructor re-checks the cross-shard rules, so a map built in code obeys them too.
 *
 * <pre>
 * user=harbinger
 * password=secret
 * shard.eu.primary=jdbc:postgresql://pg-eu-1:5432/harbinger
 * shard.eu.replicas=jdbc:postgresql://pg-eu-2:5432/harbinger,jdbc:postgresql://pg-eu-3:5432/harbinger
 * shard.eu.regions=eu-west,eu-central
 * shard.us.primary=jdbc:postgresql://pg-us-1:5432/harbinger
 * shard.us.regions=us-east
 * default.shard=us
 * </pre>
 *
 * @param shards       in the order of their names; at least one
 * @param defaultShard the shard of every region that no shard lists
 * @param poolSize     connections per pool (one pool per primary and per replica)
 * @param replicas     when a replica is fit to serve reads, and how often that is checked
 */
public record ShardMap(List<ShardSpec> shards, String defaultShard, int poolSize, ReplicaPolicy replicas) {
    static final int DEFAULT_POOL_SIZE = 8;
    static final int MAX_POOL_SIZE = 1_000;

    public ShardMap {
        shards = List.copyOf(shards);
        if (replicas == null) throw new IllegalArgumentException("replicas policy must be given");
        List<String> problems = new ArrayList<>();
        ShardMapRules.crossCheck(shards, defaultShard, problems);
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            problems.add(ShardMapRules.POOL_SIZE + ": " + poolSize + ": expected 1.." + MAX_POOL_SIZE);
        }
        if (!problems.isEmpty()) throw new ShardMapException(problems);
    }

    /**
     * One shard: a primary that takes the writes of its regions, and replicas that may serve reads.
     *
     * @param name        letters, digits, '-' and '_'; stable, it keys per-shard bookkeeping
     * @param primaryUrl  {@code jdbc:postgresql://host[:port]/database[?options]}
     * @param replicaUrls streaming replicas of that primary, in the same form; may be empty
     * @param regions     the regions it owns; empty only for the default shard
     */
    public record ShardSpec(String name, String primaryUrl, List<String> replicaUrls, Set<String> regions,
                            Credentials credentials) {
        public ShardSpec {
            replicaUrls = List.copyOf(replicaUrls);
            regions = Collections.unmodifiableSet(new LinkedHashSet<>(regions));
            if (credentials == null) throw new IllegalArgumentException("shard " + name + " needs credentials");
        }
    }

    /** The user and password for a shard's primary and replicas. The password never appears in {@link #toString}. */
    public record Credentials(String user, String password) {
        public Credentials {
            if (user == null || user.isBlank()) throw new IllegalArgumentException("user must be non-empty");
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
        }
    }

    /**
     * @param maxLagBytes    a replica more than this many bytes of WAL behind its primary serves no reads
     * @param checkInterval  how often every replica's reachability and lag are measured
     * @param connectTimeout how long a check (or a read) waits for a replica's connection
     */
    public record ReplicaPolicy(long maxLagBytes, Duration checkInterval, Duration connectTimeout) {
        public static final long DEFAULT_MAX_LAG_BYTES = 16L * 1024 * 1024;

        public ReplicaPolicy {
            if (maxLagBytes < 0) throw new IllegalArgumentException("maxLagBytes must be >= 0, was " + maxLagBytes);
            if (checkInterval == null || checkInterval.toMillis() < 1) {
                throw new IllegalArgumentException("checkInterval must be >= 1 ms, was " + checkInterval);
            }
            if (connectTimeout == null || connectTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectTimeout must be >= 250 ms, was " + connectTimeout);
            }
        }

        public static ReplicaPolicy defaults() {
            return new ReplicaPolicy(DEFAULT_MAX_LAG_BYTES, Duration.ofSeconds(5), Duration.ofSeconds(2));
        }
    }

    /**
     * Reads and checks a shard map; see the class comment for the format and {@link ShardMapRules}
     * for every setting.
     *
     * @throws ShardMapException listing every problem, each naming the setting, the bad value and what is valid
     */
    public static ShardMap parse(Properties properties) {
        return ShardMapRules.parse(properties);
    }

    /** {@link #parse} of a UTF-8 properties file. */
    public static ShardMap load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the shard map " + file, e);
        }
        return parse(properties);
    }

    /** The name of the shard that owns {@code region}: the one listing it, else {@link #defaultShard}. */
    public String shardOf(String region) {
        for (ShardSpec shard : shards) {
            if (shard.regions().contains(region)) {
                return shard.name();
            }
        }
        return defaultShard;
    }

    /** Region to shard name, for every listed region. */
    public Map<String, String> listedRegions() {
        Map<String, String> owners = new LinkedHashMap<>();
        shards.forEach(s -> s.regions().forEach(r -> owners.put(r, s.name())));
        return owners;
    }

    /** {@code url} without its options (which may carry a password), for messages and logs. */
    public static String redact(String url) {
        int options = url.indexOf('?');
        return options < 0 ? url : url.substring(0, options) + "?…";
    }
}
