package io.harbinger.schema.disk;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which SMART attributes a feature of the failure model's feature set (predict's {@code Features}) is
 * about, by its name: one place for the explanations that tell a feature by its attribute (the facts
 * behind a prediction, the reasons in words).
 */
public final class CounterFeatures {
    /** A SMART attribute's raw value or its change over N days; group 1 the id, group 3 the days of a change. */
    public static final Pattern VALUE = Pattern.compile("smart_(\\d+)_(raw|change_(\\d+)d)");
    /** A SMART counter's dynamics (feature set v2): days since its last rise, rises in 30 days; group 1 the id. */
    public static final Pattern DYNAMICS = Pattern.compile("smart_(\\d+)_(days_since_increase|increases_30d)");
    /** Pending sectors (SMART 197) that became reallocated ones (SMART 5) in 30 days. */
    public static final String TRANSFER = "pending_to_reallocated_30d";

    private CounterFeatures() {
    }

    /**
     * The SMART attribute ids {@code feature} is about: its own for a raw value, change or dynamics feature,
     * 197 and 5 for the pending-to-reallocated transfer, none for any other.
     */
    public static List<Integer> attributesOf(String feature) {
        if (feature.equals(TRANSFER)) return List.of(197, 5);
        Matcher m = VALUE.matcher(feature);
        if (m.matches()) return List.of(Integer.parseInt(m.group(1)));
        Matcher d = DYNAMICS.matcher(feature);
        return d.matches() ? List.of(Integer.parseInt(d.group(1))) : List.of();
    }
}
