package io.harbinger.app;

import io.harbinger.core.config.SettingType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of Harbinger one node runs ({@code --role}): {@code all} (the default, one process with
 * everything), or a comma-separated list of
 * <ul>
 *   <li>{@code ingest}: the write endpoints, acknowledging once Kafka has the batch (stateless);</li>
 *   <li>{@code process}: the Kafka Streams processor (features, scoring) and the loaders into
 *       PostgreSQL; processors share the work by Kafka partitions;</li>
 *   <li>{@code api}: the read API, its cache and the dashboard (stateless);</li>
 *   <li>{@code alert}: the alert engine and the deliveries to receivers.</li>
 * </ul>
 * Every node serves {@code /health}, {@code /ready} (the checks of its roles) and {@code /metrics}.
 */
record Roles(Set<Role> set) {
    enum Role { INGEST, PROCESS, API, ALERT }

    static final Roles ALL = new Roles(EnumSet.allOf(Role.class));

    static final SettingType<Roles> TYPE = SettingType.of("all|ROLE[,ROLE...]", "all, or a comma-separated list of " + names(", "), Roles::parse);

    Roles {
        if (set == null || set.isEmpty()) throw new IllegalArgumentException("a node runs at least one role");
        set = Set.copyOf(EnumSet.copyOf(set));
    }

    /** {@code all}, or {@code ingest,api} etc. (any case, any order, blanks around the commas ignored). */
    static Roles parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("all")) return ALL;
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : s.split(",", -1)) {
            roles.add(Role.valueOf(part.strip().toUpperCase(Locale.ROOT))); // IllegalArgumentException: the setting names what is valid
        }
        return new Roles(roles);
    }

    boolean runs(Role role) {
        return set.contains(role);
    }

    boolean all() {
        return set.size() == Role.values().length;
    }

    /** Whether the node needs PostgreSQL: everything but ingest reads or writes it. */
    boolean needsStorage() {
        return runs(Role.PROCESS) || runs(Role.API) || runs(Role.ALERT);
    }

    /** {@code all}, or the roles in their declared order: {@code ingest,api}. */
    @Override
    public String toString() {
        return all() ? "all" : EnumSet.copyOf(set).stream().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    private static String names(String separator) {
        return Arrays.stream(Role.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(separator));
    }
}
