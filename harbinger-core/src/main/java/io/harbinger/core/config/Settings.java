package io.harbinger.core.config;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a {@link SettingSet}, every one valid: what the command line gave, else the
 * setting's environment variable (when set and not empty), else its default. Read in one pass that
 * reports every problem at once ({@link InvalidSettingsException}); components build their config
 * records from it. Immutable.
 */
public final class Settings {
    private final Map<Setting<?>, Object> values;

    private Settings(Map<Setting<?>, Object> values) {
        this.values = values;
    }

    /** Every setting of {@code declared} at its default. */
    public static Settings defaults(SettingSet declared) {
        return builder(declared).build();
    }

    /**
     * @param given       text by setting name ({@code stream-threads}), as the command line gave it
     * @param environment the process environment, or a map standing in for it
     * @throws InvalidSettingsException listing every setting that is wrong
     */
    public static Settings read(SettingSet declared, Map<String, String> given, Map<String, String> environment) {
        return builder(declared).given(given).environment(environment).build();
    }

    public static Builder builder(SettingSet declared) {
        return new Builder(declared);
    }

    /** @throws IllegalStateException when {@code setting} is not one of these (a programming error) */
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) throw new IllegalStateException(setting.flag() + " is not among the settings read");
        @SuppressWarnings("unchecked") T value = (T) values.get(setting); // put under its own setting by Builder
        return value;
    }

    /** Values given as text (the command line, the environment) or typed (code and tests), checked all at once by {@link #build}. */
    public static final class Builder {
        private final SettingSet declared;
        private final Map<Setting<?>, Object> typed = new IdentityHashMap<>();
        private Map<String, String> given = Map.of();
        private Map<String, String> environment = Map.of();

        private Builder(SettingSet declared) {
            this.declared = declared;
        }

        /** {@code setting} is {@code value}, whatever the text says. */
        public <T> Builder set(Setting<T> setting, T value) {
            if (!declared.declares(setting)) throw new IllegalStateException(setting.flag() + " is not among the settings declared");
            typed.put(setting, value);
            return this;
        }

        public Builder given(Map<String, String> textByName) {
            this.given = Map.copyOf(textByName);
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            this.environment = Map.copyOf(variables);
            return this;
        }

        /** @throws InvalidSettingsException listing every problem: each bad setting, then (when none) each failed check */
        public Settings build() {
            List<String> problems = new ArrayList<>();
            given.keySet().stream().filter(name -> declared.named(name).isEmpty()).sorted()
                    .forEach(name -> problems.add("--" + name + " is not a setting"));
            Map<Setting<?>, Object> values = new IdentityHashMap<>();
            for (Setting<?> s : declared.settings()) {
                try {
                    values.put(s, value(s));
                } catch (IllegalArgumentException bad) {
                    problems.add(bad.getMessage());
                }
            }
            Settings settings = new Settings(values);
            if (problems.isEmpty()) {
                declared.checks().forEach(check -> check.problem(settings).ifPresent(problems::add));
            }
            if (!problems.isEmpty()) throw new InvalidSettingsException(problems);
            return settings;
        }

        private <T> T value(Setting<T> s) {
            if (typed.containsKey(s)) {
                @SuppressWarnings("unchecked") T value = (T) typed.get(s); // put by set(Setting<T>, T)
                return s.require(value);
            }
            if (given.containsKey(s.name())) return s.parse(given.get(s.name()));
            Optional<String> variable = s.env().filter(v -> !environment.getOrDefault(v, "").isEmpty());
            if (variable.isPresent()) {
                try {
                    return s.parse(environment.get(variable.get()));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(bad.getMessage() + " (from " + variable.get() + ")");
                }
            }
            return s.defaultValue();
        }
    }
}
