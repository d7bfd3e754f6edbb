package io.harbinger.predict.train;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Which days of the data do what, split by time. The last {@code testDays} days are the test period:
 * never used for a choice, judged once. Everything before them is the fitting period: the training
 * drives' days there train the booster, with labels only from failures known by its last day (a
 * healthy day within one horizon of it has no label: the drive might fail just after), and the
 * held-out drives' days there are the validation period on which the alarm, the calibration and the
 * thresholds are chosen. Test days lie after every day whose outcome training or validation used.
 *
 * @param first    the first day read (history builds from here; there is nothing before it)
 * @param testFrom the first test day; the fitting period is {@code first .. testFrom - 1}
 * @param last     the last test day
 */
public record Periods(LocalDate first, LocalDate testFrom, LocalDate last) {
    public Periods {
        if (first == null || testFrom == null || last == null) throw new IllegalArgumentException("first, testFrom and last must be non-null");
        if (!testFrom.isAfter(first)) throw new IllegalArgumentException("the test period must start after the first day " + first + ", was " + testFrom);
        if (last.isBefore(testFrom)) throw new IllegalArgumentException("the last day " + last + " is before the test period's first " + testFrom);
    }

    /** The last {@code testDays} days of {@code first..last} are the test period. */
    public static Periods lastDaysForTest(LocalDate first, LocalDate last, int testDays) {
        if (testDays < 1) throw new IllegalArgumentException("testDays must be >= 1, was " + testDays);
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days <= testDays) {
            throw new IllegalArgumentException("the period " + first + ".." + last + " (" + days + " days) is not longer than its "
                    + testDays + " test days: no day would be left to train on");
        }
        return new Periods(first, last.minusDays(testDays - 1), last);
    }

    /** The last day of the fitting period (training and validation); labels use what is known by then. */
    public LocalDate fitTo() {
        return testFrom.minusDays(1);
    }

    public long fittingDays() {
        return ChronoUnit.DAYS.between(first, testFrom);
    }

    public long testDays() {
        return ChronoUnit.DAYS.between(testFrom, last) + 1;
    }

    @Override
    public String toString() {
        return "fitting " + first + ".." + fitTo() + " (" + fittingDays() + " days), test " + testFrom + ".." + last + " (" + testDays() + " days)";
    }
}
