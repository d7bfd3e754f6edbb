package io.harbinger.core.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a setting's text is read and written back.
 *
 * @param label    what the value is, in help ({@code N}, {@code DURATION}, {@code text|binary})
 * @param expected what the text must look like, for the message when it does not ("a whole number")
 * @param parser   text to value; throws {@link IllegalArgumentException} on text it cannot read
 * @param format   value to the text {@code parser} reads back (defaults in help, values in messages)
 * @param quoted   whether values are quoted in messages (text is, numbers and durations are not)
 */
public record SettingType<T>(String label, String expected, Function<String, T> parser, Function<T, String> format, boolean quoted) {
    public static final SettingType<Integer> INTEGER = number("a whole number", Integer::valueOf);
    public static final SettingType<Short> SHORT = number("a whole number up to " + Short.MAX_VALUE, Short::valueOf);
    public static final SettingType<Long> LONG = number("a whole number", Long::valueOf);
    public static final SettingType<Duration> DURATION = new SettingType<>("DURATION", "a duration such as 500ms, 90s, 10m, 1h, 2d or PT1H",
            Durations::parse, Durations::format, false);
    public static final SettingType<String> TEXT = of("TEXT", "text", s -> s);

    public SettingType {
        if (label == null || expected == null || parser == null || format == null) throw new IllegalArgumentException("every part of a setting type must be given");
    }

    /** A type read by {@code parser} and written back with {@code toString}, quoted in messages. */
    public static <T> SettingType<T> of(String label, String expected, Function<String, T> parser) {
        return new SettingType<>(label, expected, parser, String::valueOf, true);
    }

    /** One of the constants of {@code type}, written in lower case and read in any case. */
    public static <E extends Enum<E>> SettingType<E> choice(Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        return new SettingType<>(String.join("|", names), "one of " + String.join(", ", names),
                s -> Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT)), e -> e.name().toLowerCase(Locale.ROOT), false);
    }

    /** {@code inner}, or nothing when the text is blank (the default). */
    public static <T> SettingType<Optional<T>> optional(SettingType<T> inner) {
        return new SettingType<>(inner.label, inner.expected + " or nothing",
                s -> s.isBlank() ? Optional.empty() : Optional.of(inner.parse(s.trim())),
                o -> o.map(inner.format).orElse(""), inner.quoted);
    }

    public T parse(String text) {
        return parser.apply(text);
    }

    public String format(T value) {
        return format.apply(value);
    }

    /** {@code value} as a message shows it. */
    String show(T value) {
        String text = format(value);
        return quoted || text.isEmpty() ? "'" + text + "'" : text;
    }

    private static <N extends Number> SettingType<N> number(String expected, Function<String, N> parser) {
        return new SettingType<>("N", expected, s -> parser.apply(s.trim()), String::valueOf, false);
    }
}
