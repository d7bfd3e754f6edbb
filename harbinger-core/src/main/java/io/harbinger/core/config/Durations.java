package io.harbinger.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them: {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h}, {@code 2d}, or ISO-8601 ({@code PT1H}). */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the text and the forms that would do */
    public static Duration parse(String text) {
        try {
            Matcher m = SHORT.matcher(text.trim());
            if (!m.matches()) return Duration.parse(text.trim());
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) { // the last two: too many digits
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 90s, 10m, 1h, 2d or PT1H");
        }
    }

    /** The shortest exact form {@link #parse} reads back: {@code 7d}, {@code 500ms}; ISO-8601 when no unit fits. */
    public static String format(Duration d) {
        if (d.isNegative() || d.getNano() % 1_000_000 != 0 || d.getSeconds() > Long.MAX_VALUE / 1000 - 1) return d.toString();
        long ms = d.toMillis();
        if (ms == 0) return "0s";
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (ms % units[i] == 0) return ms / units[i] + names[i];
        }
        throw new AssertionError("every whole number of milliseconds divides by 1");
    }
}
