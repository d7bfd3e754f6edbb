package io.harbinger.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting, declared once: its name (the command-line flag without {@code --}), the environment
 * variable that may give it, its default, how its text is read, which values are valid and what it
 * means. A component declares its settings next to its config record, whose constructor checks them
 * with {@link #require}; the command line builds its options from the same declarations and reads
 * them all in one pass ({@link Settings}), so no default or rule is written twice.
 *
 * <pre>{@code
 * Setting<Integer> STREAM_THREADS = Setting.of("stream-threads", SettingType.INTEGER, 1).must(Rule.between(1, 64))
 *         .env("HARBINGER_STREAM_THREADS").description("Kafka Streams threads.");
 * }</pre>
 *
 * Immutable: {@link #env}, {@link #must} and {@link #description} return a new declaration.
 */
public final class Setting<T> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern ENV = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final String name;
    private final SettingType<T> type;
    private final T defaultValue;
    private final Optional<String> env;
    private final List<Rule<? super T>> rules;
    private final String description;

    private Setting(String name, SettingType<T> type, T defaultValue, Optional<String> env, List<Rule<? super T>> rules, String description) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.env = env;
        this.rules = List.copyOf(rules);
        this.description = description;
    }

    /** A setting called {@code name} (lower case words joined by '-'), of {@code type}, {@code defaultValue} unless given. */
    public static <T> Setting<T> of(String name, SettingType<T> type, T defaultValue) {
        if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("setting name must be lower-case words joined by '-', got '" + name + "'");
        if (type == null || defaultValue == null) throw new IllegalArgumentException("setting " + name + " needs a type and a default");
        return new Setting<>(name, type, defaultValue, Optional.empty(), List.of(), "");
    }

    /** Also read from the environment variable {@code variable} when the command line does not give it. */
    public Setting<T> env(String variable) {
        if (variable == null || !ENV.matcher(variable).matches()) throw new IllegalArgumentException("environment variable must be upper-case, got '" + variable + "'");
        return new Setting<>(name, type, defaultValue, Optional.of(variable), rules, description);
    }

    /** Valid values also satisfy {@code rule}. */
    public Setting<T> must(Rule<? super T> rule) {
        List<Rule<? super T>> more = new ArrayList<>(rules);
        more.add(rule);
        return new Setting<>(name, type, defaultValue, env, more, description);
    }

    public Setting<T> description(String text) {
        return new Setting<>(name, type, defaultValue, env, rules, text);
    }

    public String name() {
        return name;
    }

    /** {@code --name}, as the command line and the messages write it. */
    public String flag() {
        return "--" + name;
    }

    public Optional<String> env() {
        return env;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The default as it would be written, empty for "none". */
    public String defaultText() {
        return type.format(defaultValue);
    }

    /** What the value is, for help: {@code N}, {@code DURATION}, {@code text|binary}. */
    public String label() {
        return type.label();
    }

    public String description() {
        return description;
    }

    /**
     * {@code text} read and checked.
     *
     * @throws IllegalArgumentException naming this setting, the text and what would be valid
     */
    public T parse(String text) {
        T value;
        try {
            value = type.parse(text);
        } catch (IllegalArgumentException unreadable) {
            throw new IllegalArgumentException(flag() + " must be " + type.expected() + ", got '" + text + "'");
        }
        return require(value);
    }

    /**
     * {@code value}, when every rule holds.
     *
     * @throws IllegalArgumentException naming this setting, the value and what would be valid
     */
    public T require(T value) {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return value;
    }

    /** What is wrong with {@code value}, if anything: "--stream-threads must be 1..64, got 0". */
    public Optional<String> problem(T value) {
        if (value == null) return Optional.of(flag() + " must be set");
        return rules.stream().filter(r -> !r.holds(value)).findFirst()
                .map(r -> flag() + " must be " + r.text() + ", got " + type.show(value));
    }

    /** {@code value} as messages show it. */
    public String show(T value) {
        return type.show(value);
    }

    @Override
    public String toString() {
        return flag();
    }
}
