package io.harbinger.schema.prediction;

import io.harbinger.schema.disk.CounterFeatures;
import io.harbinger.schema.disk.SmartAttribute;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a drive was scored as it was, in sentences a person reads, from the contributions behind the
 * score and the feature values scored: "SMART 197 current pending sectors grew by 24 in 7 days (now 24)",
 * "temperature 52 °C, 7-day mean 49 °C". Only the features that pushed towards failure are told (all of
 * them when none did), most important first, one sentence per SMART attribute and one for temperature.
 * {@link #sharpened} tells a SMART attribute's story from the drive's readings instead:
 * "SMART 197 current pending sectors 0 -> 24 in 3 days". Pure: values in, strings out.
 */
public final class Reasons {
    private static final Pattern SMART = CounterFeatures.VALUE;
    private static final Pattern DYNAMICS = CounterFeatures.DYNAMICS;
    /** How far back a SMART reason reads the history when the feature names no window (its raw value). */
    static final int RAW_WINDOW_DAYS = 7;

    private Reasons() {
    }

    /** One SMART reading of the drive: raw value by attribute id. */
    public record Reading(Instant ts, Map<Integer, Long> raw) {
        public Reading {
            raw = Map.copyOf(raw);
        }
    }

    /** The sentences for {@code top} (largest magnitude first), from the contributions alone. */
    public static List<String> of(List<Contribution> top) {
        return sharpened(top, List.of());
    }

    /**
     * A model prediction's reasons when it carries {@code facts} (observed, from the drive's readings: "SMART
     * 197 current pending sectors 0 -> 24 in 3 days"): the facts first, then the sentences of {@link #of} for
     * the contributions no fact tells (temperature, workload, a counter without a fact).
     */
    public static List<String> withFacts(List<Contribution> top, List<String> facts) {
        if (facts.isEmpty()) return of(top);
        List<Contribution> untold = top.stream().filter(c -> !toldByAFact(c, facts)).toList();
        List<String> out = new ArrayList<>(facts);
        if (!untold.isEmpty()) out.addAll(of(untold));
        return List.copyOf(out);
    }

    private static boolean toldByAFact(Contribution c, List<String> facts) {
        return CounterFeatures.attributesOf(c.feature()).stream().anyMatch(id -> facts.stream().anyMatch(f -> f.startsWith(label(id) + " ")));
    }


    /**
     * The sentences for {@code top}, each SMART attribute's told from {@code history} (the drive's
     * readings up to the scored one, oldest first) where it holds readings of that attribute.
     */
    public static List<String> sharpened(List<Contribution> top, List<Reading> history) {
        List<Contribution> told = top.stream().filter(c -> c.contribution() > 0).toList();
        if (told.isEmpty()) told = top;
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Contribution c : told) {
            Matcher m = SMART.matcher(c.feature());
            if (m.matches()) {
                int id = Integer.parseInt(m.group(1));
                if (!done.add("smart " + id)) continue;
                int days = m.group(3) == null ? RAW_WINDOW_DAYS : Integer.parseInt(m.group(3));
                out.add(fromHistory(id, days, history).orElseGet(() -> smart(id, c, top)));
            } else if (c.feature().startsWith("temperature")) {
                if (done.add("temperature")) out.add(temperature(top));
            } else {
                out.add(other(c));
            }
        }
        return List.copyOf(out);
    }

    private static String smart(int id, Contribution c, List<Contribution> all) {
        String name = label(id);
        if (Double.isNaN(c.value())) return name + " (value unknown)";
        if (c.feature().endsWith("_raw")) return name + " at " + number(c.value());
        String window = c.feature().substring(c.feature().lastIndexOf('_') + 1, c.feature().length() - 1);
        String now = valueOf(all, "smart_" + id + "_raw").map(v -> " (now " + number(v) + ")").orElse("");
        String span = days(Integer.parseInt(window));
        if (c.value() == 0) return name + " unchanged in " + span + now;
        return name + (c.value() > 0 ? " grew by " : " fell by ") + number(Math.abs(c.value())) + " in " + span + now;
    }

    /** "0 -> 24 in 3 days", from the readings of the last {@code days} days before the newest. */
    private static Optional<String> fromHistory(int id, int days, List<Reading> history) {
        List<Reading> with = history.stream().filter(r -> r.raw().containsKey(id)).toList();
        if (with.isEmpty()) return Optional.empty();
        Reading last = with.getLast();
        Instant since = last.ts().minus(Duration.ofDays(days));
        Reading first = with.stream().filter(r -> !r.ts().isBefore(since)).findFirst().orElse(last);
        long before = first.raw().get(id);
        long now = last.raw().get(id);
        if (before == now) {
            return Optional.of(label(id) + " unchanged at " + now + " over " + days(wholeDays(first.ts(), last.ts())));
        }
        // the change happened after the last reading still at the window's first value
        Reading lastAtBefore = first;
        for (Reading r : with) {
            if (!r.ts().isBefore(first.ts()) && r.raw().get(id) == before) lastAtBefore = r;
        }
        return Optional.of(label(id) + " " + before + " -> " + now + " in " + days(Math.max(1, wholeDays(lastAtBefore.ts(), last.ts()))));
    }

    private static String temperature(List<Contribution> all) {
        List<String> parts = new ArrayList<>();
        valueOf(all, "temperature").ifPresent(v -> parts.add("temperature " + number(v) + " °C"));
        valueOf(all, "temperature_mean_7d").ifPresent(v -> parts.add((parts.isEmpty() ? "temperature " : "") + "7-day mean " + number(v) + " °C"));
        valueOf(all, "temperature_max_30d").ifPresent(v -> parts.add((parts.isEmpty() ? "temperature " : "") + "30-day max " + number(v) + " °C"));
        return parts.isEmpty() ? "temperature (value unknown)" : String.join(", ", parts);
    }

    private static String other(Contribution c) {
        double v = c.value();
        Matcher d = DYNAMICS.matcher(c.feature());
        if (d.matches()) {
            String name = label(Integer.parseInt(d.group(1)));
            if (d.group(2).equals("days_since_increase")) {
                return Double.isNaN(v) ? name + " has not risen in 30 days" : name + " last rose " + (v == 0 ? "today" : days(Math.round(v)) + " ago");
            }
            return Double.isNaN(v) ? name + " (value unknown)" : name + " rose on " + number(v) + " readings of the last 30 days";
        }
        if (Double.isNaN(v)) {
            return switch (c.feature()) {
                case "days_since_first_error" -> "no error counter has been above 0";
                case "days_since_previous_reading" -> "first reading of the drive";
                default -> c.feature().replace('_', ' ') + " (value unknown)";
            };
        }
        return switch (c.feature()) {
            case "power_on_hours" -> "power-on hours " + number(v) + String.format(Locale.ROOT, " (%.1f years)", v / (24 * 365.25));
            case "lbas_written_per_day_7d" -> "LBAs written " + number(v) + " per day over 7 days";
            case "lbas_read_per_day_7d" -> "LBAs read " + number(v) + " per day over 7 days";
            case "load_cycles_per_day_7d" -> "load cycles " + number(v) + " per day over 7 days";
            case "days_since_first_error" -> "an error counter first went above 0 " + days(Math.round(v)) + " ago";
            case "error_growth_days_30d" -> "error counters grew on " + number(v) + " of the last 30 days";
            case "days_since_previous_reading" -> "no reading for " + days(Math.round(v)) + " before this one";
            case CounterFeatures.TRANSFER -> number(v) + " pending sectors became reallocated in 30 days";
            case "error_counters_nonzero" -> number(v) + (v == 1 ? " error counter" : " error counters") + " above 0";
            default -> c.feature().replace('_', ' ') + " " + number(v);
        };
    }

    private static Optional<Double> valueOf(List<Contribution> all, String feature) {
        return all.stream().filter(c -> c.feature().equals(feature) && !Double.isNaN(c.value())).map(Contribution::value).findFirst();
    }

    private static String label(int id) {
        SmartAttribute a = SmartAttribute.ofId(id);
        return a == null ? "SMART " + id : a.label();
    }

    private static long wholeDays(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toHours() / 24.0);
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    /** Whole numbers without a fraction, others with at most two decimals. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
