package io.harbinger.app;

import picocli.CommandLine;

import java.time.Duration;
import java.time.LocalDate;

/** Checks the date and duration options of the offline commands share. */
final class CliDates {
    private CliDates() {
    }

    static int wholeDays(Duration d, String option) {
        if (d.isNegative() || d.isZero() || d.toHours() % 24 != 0 || d.toDays() > 365) {
            throw new CommandLine.TypeConversionException(option + " must be a whole number of days from 1d to 365d, got " + d);
        }
        return (int) d.toDays();
    }

    static int warmupDays(int days) {
        if (days < 0) throw new CommandLine.TypeConversionException("--warmup-days must be >= 0, got " + days);
        return days;
    }

    static void requireOrder(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new CommandLine.TypeConversionException("--to " + to + " is before --from " + from);
    }
}
