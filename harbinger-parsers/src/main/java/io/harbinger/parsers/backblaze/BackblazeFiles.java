package io.harbinger.parsers.backblaze;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Backblaze Drive Stats files are named after their day, {@code 2018-01-01.csv} (often gzipped). */
public final class BackblazeFiles {
    private static final Pattern DATED_NAME = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})(\\..*)?");

    private BackblazeFiles() {
    }

    /**
     * The day a Drive Stats file holds, from its name: {@code "2018-01-01.csv.gz"} and
     * {@code "data/2018-01-01.csv"} give 2018-01-01; a name that does not start with a valid
     * {@code yyyy-MM-dd} followed by nothing or a dot gives empty.
     */
    public static Optional<LocalDate> dateFromFileName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        Matcher m = DATED_NAME.matcher(base);
        if (!m.matches()) return Optional.empty();
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        return isDate(year, month, day) ? Optional.of(LocalDate.of(year, month, day)) : Optional.empty();
    }

    static boolean isDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }
}
