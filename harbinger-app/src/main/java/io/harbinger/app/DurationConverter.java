package io.harbinger.app;

import io.harbinger.core.config.Durations;
import picocli.CommandLine;

import java.time.Duration;

/** Reads durations as operators write them ({@link Durations}): {@code 90s}, {@code 10m}, {@code 1h}, {@code 2d}, or ISO-8601 ({@code PT1H}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
