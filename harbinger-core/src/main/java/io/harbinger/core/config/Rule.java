package io.harbinger.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Predicate;

/**
 * What values of a setting are valid.
 *
 * @param text what a valid value is, as it reads after "must be": {@code 1..64}, {@code at least 1m}
 */
public record Rule<T>(String text, Predicate<? super T> test) {
    public Rule {
        if (text == null || text.isBlank() || test == null) throw new IllegalArgumentException("a rule needs a text and a test");
    }

    public static <T> Rule<T> of(String text, Predicate<? super T> test) {
        return new Rule<>(text, test);
    }

    public static <T extends Comparable<? super T>> Rule<T> between(T min, T max) {
        return new Rule<>(show(min) + ".." + show(max), v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0);
    }

    public static <T extends Comparable<? super T>> Rule<T> atLeast(T min) {
        return new Rule<>("at least " + show(min), v -> v.compareTo(min) >= 0);
    }

    /** One of {@code choices}, exactly as written. */
    public static <T> Rule<T> oneOf(List<T> choices) {
        return new Rule<>("one of " + choices.stream().map(String::valueOf).collect(Collectors.joining(", ")), choices::contains);
    }

    public static Rule<String> nonBlank() {
        return new Rule<>("non-empty", s -> !s.isBlank());
    }

    /** {@code rule} for a value that is given; nothing is valid too. */
    public static <T> Rule<Optional<T>> whenGiven(Rule<T> rule) {
        return new Rule<>(rule.text, o -> o.isEmpty() || rule.test.test(o.get()));
    }

    public boolean holds(T value) {
        return test.test(value);
    }

    private static String show(Object bound) {
        return bound instanceof Duration d ? Durations.format(d) : String.valueOf(bound);
    }
}
