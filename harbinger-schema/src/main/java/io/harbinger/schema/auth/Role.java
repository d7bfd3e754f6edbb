package io.harbinger.schema.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API key may do (docs/adr/0013-api-keys.md): {@code write} the ingest endpoints, {@code read} the
 * read API and the dashboard's data, {@code admin} keys, model reloads, silences and acknowledgements. A role
 * implies no other: an agent's write key cannot read the fleet back, and an admin key that should also read
 * is given both.
 */
public enum Role {
    WRITE, READ, ADMIN;

    /** The name in keys, messages and the API: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code write}, {@code read,admin} (any case, blanks around the commas ignored); at least one. */
    public static Set<Role> parseList(String text) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split(",", -1)) roles.add(parse(part));
        return Set.copyOf(roles);
    }

    /** One role by its label, any case. */
    public static Role parse(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(s)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown role '" + text.strip() + "': expected " + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "))));
    }

    /** {@code roles} as {@code read,write} in declaration order, as {@link #parseList} reads it back. */
    public static String labels(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(","));
    }
}
