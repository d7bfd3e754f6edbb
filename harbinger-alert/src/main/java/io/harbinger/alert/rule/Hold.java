package io.harbinger.alert.rule;

import io.harbinger.core.config.Durations;

import java.time.Duration;

/**
 * How long a rule's condition must hold before its alert fires (Prometheus' {@code for}): a number of
 * consecutive matching samples, or a span of prediction time from the first of them.
 */
public sealed interface Hold {
    /** Whether an episode with {@code matches} consecutive matching samples, the first {@code held} ago, fires. */
    boolean satisfied(int matches, Duration held);

    /** {@code N} consecutive matching samples, at least 1. */
    record Samples(int count) implements Hold {
        public Samples {
            if (count < 1) throw new IllegalArgumentException("a hold of samples needs at least 1, got " + count);
        }

        @Override
        public boolean satisfied(int matches, Duration held) {
            return matches >= count;
        }

        @Override
        public String toString() {
            return Integer.toString(count);
        }
    }

    /** The condition held for this long of prediction time (0: fires at the first matching sample). */
    record Lasting(Duration duration) implements Hold {
        public Lasting {
            if (duration == null || duration.isNegative()) throw new IllegalArgumentException("a hold's duration must be zero or more");
        }

        @Override
        public boolean satisfied(int matches, Duration held) {
            return held.compareTo(duration) >= 0;
        }

        @Override
        public String toString() {
            return Durations.format(duration);
        }
    }

    /** {@code 3} (samples) or a duration such as {@code 10m}, {@code 2d}; {@link IllegalArgumentException} otherwise. */
    static Hold parse(String text) {
        String t = text.trim();
        if (t.matches("\\d+")) return new Samples(Integer.parseInt(t));
        return new Lasting(Durations.parse(t));
    }
}
