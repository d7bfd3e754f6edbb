package io.harbinger.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings a component declares, and the checks that relate several of them (a maximum no
 * smaller than its minimum). Sets combine with {@link #and}: the command line reads the union of its
 * components' sets. Refuses two settings of one name or one environment variable, and a default that
 * breaks its own rules, when the declaration is made.
 */
public record SettingSet(List<Setting<?>> settings, List<Check> checks) {
    /** A rule over several settings, run once each is valid on its own. */
    @FunctionalInterface
    public interface Check {
        /** What is wrong with these values together, if anything, naming the settings and their values. */
        Optional<String> problem(Settings values);
    }

    public SettingSet {
        settings = List.copyOf(settings);
        checks = List.copyOf(checks);
        Set<String> names = new HashSet<>();
        Set<String> variables = new HashSet<>();
        for (Setting<?> s : settings) {
            if (!names.add(s.name())) throw new IllegalArgumentException("two settings are called " + s.flag());
            s.env().ifPresent(v -> {
                if (!variables.add(v)) throw new IllegalArgumentException("two settings read " + v);
            });
            requireValidDefault(s);
        }
    }

    public static SettingSet of(Setting<?>... settings) {
        return new SettingSet(List.of(settings), List.of());
    }

    /** These settings and checks and {@code other}'s. */
    public SettingSet and(SettingSet other) {
        List<Setting<?>> s = new ArrayList<>(settings);
        s.addAll(other.settings);
        List<Check> c = new ArrayList<>(checks);
        c.addAll(other.checks);
        return new SettingSet(s, c);
    }

    /** These settings, also checked together by {@code check}. */
    public SettingSet check(Check check) {
        List<Check> c = new ArrayList<>(checks);
        c.add(check);
        return new SettingSet(settings, c);
    }

    public boolean declares(Setting<?> setting) {
        return settings.contains(setting);
    }

    public Optional<Setting<?>> named(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static <T> void requireValidDefault(Setting<T> s) {
        s.problem(s.defaultValue()).ifPresent(p -> {
            throw new IllegalArgumentException("the default of " + s.flag() + " breaks its own rule: " + p);
        });
    }
}
