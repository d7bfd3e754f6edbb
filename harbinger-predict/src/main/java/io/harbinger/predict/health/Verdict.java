package io.harbinger.predict.health;

import io.harbinger.schema.prediction.Bucket;

import java.util.ArrayList;
import java.util.List;

/** Collects an assessment's findings: the worst bucket found and every reason, worst first. */
final class Verdict {
    private final List<String> bad = new ArrayList<>();
    private final List<String> warning = new ArrayList<>();

    void bad(String reason) {
        bad.add(reason);
    }

    void warning(String reason) {
        warning.add(reason);
    }

    boolean isEmpty() {
        return bad.isEmpty() && warning.isEmpty();
    }

    Bucket bucket() {
        return !bad.isEmpty() ? Bucket.BAD : !warning.isEmpty() ? Bucket.WARNING : Bucket.GOOD;
    }

    List<String> reasons() {
        List<String> all = new ArrayList<>(bad);
        all.addAll(warning);
        return all;
    }

    /**
     * A counter's finding: grown since the previous reading is bad, above 0 is a warning. Nothing when the
     * reading lacks it.
     */
    void counter(HealthField f, HealthReading r, HealthMemory previous) {
        if (!r.has(f)) return;
        double now = r.value(f);
        double before = previous.isEmpty() || previous.timestampNanos() >= r.timestampNanos() ? Double.NaN : previous.previous(f);
        if (now > before) {
            bad(f.label + " " + number(before) + " -> " + number(now) + " since the previous reading");
        } else if (now > 0) {
            warning(f.label + " at " + number(now));
        }
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
