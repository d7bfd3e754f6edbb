package io.harbinger.store.shard;

import io.harbinger.store.shard.ShardMap.Credentials;
import io.harbinger.store.shard.ShardMap.ReplicaPolicy;
import io.harbinger.store.shard.ShardMap.ShardSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shard-map settings and their checks. Every problem is collected (never the first only), and
 * each message names the setting, the bad value and what is valid. Passwords are never echoed.
 *
 * <ul>
 *   <li>{@code shard.<name>.primary} (required per shard): {@code jdbc:postgresql://host[:port]/database[?options]}</li>
 *   <li>{@code shard.<name>.replicas}: comma-separated URLs of streaming replicas of that primary</li>
 *   <li>{@code shard.<name>.regions}: comma-separated regions; a region belongs to one shard only</li>
 *   <li>{@code shard.<name>.user}, {@code shard.<name>.password}: override {@code user}/{@code password}</li>
 *   <li>{@code default.shard}: the shard of unlisted regions; may be left out when there is one shard</li>
 *   <li>{@code user} (required unless every shard has its own), {@code password} (default empty)</li>
 *   <li>{@code pool.size} (default 8), {@code replica.max-lag-bytes} (default 16 MiB),
 *       {@code replica.check-interval-ms} (default 5000), {@code replica.connect-timeout-ms} (default 2000)</li>
 * </ul>
 */
final class ShardMapRules {
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String DEFAULT_SHARD = "default.shard";
    static final String POOL_SIZE = "pool.size";
    static final String MAX_LAG_BYTES = "replica.max-lag-bytes";
    static final String CHECK_INTERVAL = "replica.check-interval-ms";
    static final String CONNECT_TIMEOUT = "replica.connect-timeout-ms";
    private static final Set<String> GLOBAL = Set.of(USER, PASSWORD, DEFAULT_SHARD, POOL_SIZE, MAX_LAG_BYTES, CHECK_INTERVAL, CONNECT_TIMEOUT);
    private static final List<String> SHARD_ATTRIBUTES = List.of("primary", "replicas", "regions", "user", "password");

    private static final Pattern SHARD_KEY = Pattern.compile("shard\\.(.+)\\.([^.]+)");
    private static final Pattern SHARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** One host (name, IPv4 or bracketed IPv6), optional port, a database; no multi-host lists. */
    private static final Pattern URL = Pattern.compile(
            "jdbc:postgresql://([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+])(?::(\\d{1,5}))?/([^/?#\\s]+)(\\?\\S*)?");
    private static final String URL_FORM = "expected jdbc:postgresql://host[:port]/database[?options] (one host)";

    private ShardMapRules() {
    }

    static ShardMap parse(Properties properties) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> byShard = new TreeMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            classify(key, properties.getProperty(key).strip(), byShard, problems);
        }
        Map<String, String> global = new HashMap<>();
        GLOBAL.forEach(k -> {
            if (properties.getProperty(k) != null) global.put(k, properties.getProperty(k).strip());
        });

        List<ShardSpec> shards = new ArrayList<>();
        byShard.forEach((name, settings) -> shards.add(shard(name, settings, global, problems)));
        if (byShard.isEmpty()) {
            problems.add("no shard defined: add at least shard.<name>.primary=jdbc:postgresql://host:port/database");
        }
        String defaultShard = global.getOrDefault(DEFAULT_SHARD, byShard.size() == 1 ? byShard.keySet().iterator().next() : "");
        int poolSize = (int) number(global, POOL_SIZE, ShardMap.DEFAULT_POOL_SIZE, 1, ShardMap.MAX_POOL_SIZE, problems);
        ReplicaPolicy replicas = new ReplicaPolicy(
                number(global, MAX_LAG_BYTES, ReplicaPolicy.DEFAULT_MAX_LAG_BYTES, 0, Long.MAX_VALUE, problems),
                Duration.ofMillis(number(global, CHECK_INTERVAL, 5_000, 1, 86_400_000, problems)),
                Duration.ofMillis(number(global, CONNECT_TIMEOUT, 2_000, 250, 600_000, problems)));
        if (!byShard.isEmpty()) crossCheck(shards, defaultShard, problems);
        if (!problems.isEmpty()) throw new ShardMapException(problems);
        return new ShardMap(shards, defaultShard, poolSize, replicas);
    }

    private static void classify(String key, String value, Map<String, Map<String, String>> byShard, List<String> problems) {
        if (GLOBAL.contains(key)) return;
        Matcher m = SHARD_KEY.matcher(key);
        if (!m.matches()) {
            problems.add(key + ": unknown setting; valid: shard.<name>." + SHARD_ATTRIBUTES + ", " + new TreeSet<>(GLOBAL));
        } else if (!SHARD_NAME.matcher(m.group(1)).matches()) {
            problems.add(key + ": shard name '" + m.group(1) + "' is not valid: use 1-40 letters, digits, '-' or '_'");
        } else if (!SHARD_ATTRIBUTES.contains(m.group(2))) {
            problems.add(key + ": unknown shard setting '" + m.group(2) + "'; valid: " + SHARD_ATTRIBUTES);
        } else {
            byShard.computeIfAbsent(m.group(1), n -> new HashMap<>()).put(m.group(2), value);
        }
    }

    /** The shard as written, also when some of it is invalid (problems listed), so that the cross-shard rules see it. */
    private static ShardSpec shard(String name, Map<String, String> settings, Map<String, String> global,
                                                       List<String> problems) {
        String prefix = "shard." + name + ".";
        String primary = settings.getOrDefault("primary", "");
        if (primary.isEmpty()) {
            problems.add(prefix + "primary: missing or empty: every shard needs its primary, " + URL_FORM);
        } else {
            url(prefix + "primary", primary, problems);
        }
        List<String> replicas = list(settings.get("replicas"));
        replicas.forEach(r -> url(prefix + "replicas", r, problems));
        duplicates(prefix + "replicas", replicas, "replica", problems);
        if (replicas.contains(primary)) {
            problems.add(prefix + "replicas: '" + ShardMap.redact(primary) + "' is the shard's primary; list only its replicas");
        }
        List<String> regions = list(settings.get("regions"));
        duplicates(prefix + "regions", regions, "region", problems);
        String user = settings.getOrDefault("user", global.getOrDefault(USER, ""));
        if (user.isEmpty()) {
            problems.add(prefix + "user: missing (and no global " + USER + "=): set the PostgreSQL user of shard " + name);
        }
        String password = settings.getOrDefault("password", global.getOrDefault(PASSWORD, ""));
        Credentials credentials = new Credentials(user.isEmpty() ? "?" : user, password);
        return new ShardSpec(name, primary, replicas, new LinkedHashSet<>(regions), credentials);
    }

    /** Rules across shards, shared by {@link #parse} and the {@link ShardMap} constructor. */
    static void crossCheck(List<ShardSpec> shards, String defaultShard, List<String> problems) {
        if (shards.isEmpty()) {
            problems.add("no shard defined: add at least shard.<name>.primary=jdbc:postgresql://host:port/database");
            return;
        }
        List<String> names = shards.stream().map(ShardSpec::name).toList();
        duplicates("shard names", names, "shard", problems);
        if (defaultShard == null || defaultShard.isEmpty()) {
            problems.add(DEFAULT_SHARD + ": missing: set it to one of " + names
                    + " (the shard of every region that no shard.<name>.regions lists)");
        } else if (!names.contains(defaultShard)) {
            problems.add(DEFAULT_SHARD + ": '" + defaultShard + "' is not a shard; valid: " + names);
        }
        Map<String, String> regionOwner = new HashMap<>();
        Map<String, String> urlOwner = new HashMap<>();
        for (ShardSpec shard : shards) {
            for (String region : shard.regions()) {
                String other = regionOwner.putIfAbsent(region, shard.name());
                if (other != null) {
                    problems.add("region '" + region + "' is in shard." + other + ".regions and shard." + shard.name()
                            + ".regions: a region belongs to exactly one shard");
                }
            }
            for (String url : concat(shard.primaryUrl(), shard.replicaUrls())) {
                if (url.isEmpty()) continue;
                String other = urlOwner.putIfAbsent(url, shard.name());
                if (other != null && !other.equals(shard.name())) {
                    problems.add("shard." + shard.name() + ": '" + ShardMap.redact(url) + "' is also a server of shard " + other
                            + ": each PostgreSQL instance belongs to one shard");
                }
            }
            if (shard.regions().isEmpty() && defaultShard != null && !defaultShard.isEmpty() && !shard.name().equals(defaultShard)) {
                problems.add("shard." + shard.name() + ".regions: missing or empty, and " + shard.name() + " is not "
                        + DEFAULT_SHARD + ": the shard would own nothing; list its regions or remove shard." + shard.name() + ".*");
            }
        }
    }

    private static void url(String setting, String url, List<String> problems) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            problems.add(setting + ": '" + ShardMap.redact(url) + "' is not a PostgreSQL JDBC URL; " + URL_FORM);
        } else if (m.group(2) != null && (Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65_535)) {
            problems.add(setting + ": '" + ShardMap.redact(url) + "' has port " + m.group(2) + "; expected 1..65535");
        }
    }

    private static long number(Map<String, String> global, String key, long fallback, long min, long max, List<String> problems) {
        String text = global.get(key);
        if (text == null) return fallback;
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        problems.add(key + ": '" + text + "' is not valid; expected a whole number in " + min + ".." + max);
        return fallback;
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split(",")).map(String::strip).toList();
    }

    private static void duplicates(String setting, List<String> values, String what, List<String> problems) {
        Set<String> seen = new java.util.HashSet<>();
        for (String value : values) {
            if (value.isEmpty()) {
                problems.add(setting + ": an empty " + what + " (two commas, or a trailing comma); list non-empty values separated by ','");
            } else if (!seen.add(value)) {
                problems.add(setting + ": " + what + " '" + ShardMap.redact(value) + "' listed twice; list each once");
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
