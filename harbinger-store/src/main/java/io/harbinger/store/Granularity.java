package io.harbinger.store;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How much time one range partition covers; boundaries are midnights UTC. */
public enum Granularity {
    DAY(DateTimeFormatter.BASIC_ISO_DATE) {
        @Override
        LocalDate floor(LocalDate day) {
            return day;
        }

        @Override
        LocalDate next(LocalDate start) {
            return start.plusDays(1);
        }
    },
    MONTH(DateTimeFormatter.ofPattern("uuuuMM")) {
        @Override
        LocalDate floor(LocalDate day) {
            return day.withDayOfMonth(1);
        }

        @Override
        LocalDate next(LocalDate start) {
            return start.plusMonths(1);
        }
    };

    private final DateTimeFormatter suffix;

    Granularity(DateTimeFormatter suffix) {
        this.suffix = suffix;
    }

    /** The start of the period that contains {@code day}. */
    abstract LocalDate floor(LocalDate day);

    /** The start of the period after the one starting at {@code start}. */
    abstract LocalDate next(LocalDate start);

    /** The partition name suffix of the period starting at {@code start}: 20261128 or 202611. */
    String suffix(LocalDate start) {
        return suffix.format(start);
    }
}
