package io.harbinger.predict.health;

import io.harbinger.schema.prediction.Bucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
     * A counter's finding on the drive's memory {@code after} the reading {@code r}: a rise on a reading of
     * the last {@value HealthMemory#GROWTH_DAYS} days is bad ("media and data integrity errors 7 -> 9 in 1
     * day"), a value above 0 otherwise a warning. Nothing when the reading lacks it.
     */
    void counter(HealthField f, HealthReading r, HealthMemory after) {
        if (!r.has(f)) return;
        Optional<HealthMemory.Growth> grown = after.growth(f, r);
        if (grown.isPresent()) {
            HealthMemory.Growth g = grown.get();
            bad(f.label + " " + number(g.from()) + " -> " + number(g.now()) + " in " + (g.days() == 1 ? "1 day" : g.days() + " days"));
        } else if (r.value(f) > 0) {
            warning(f.label + " at " + number(r.value(f)));
        }
    }

    /** The drive's own verdict: a failed SMART health self-assessment (smartctl's {@code smart_status.passed} false) is bad. */
    void selfAssessment(HealthReading r) {
        if (r.has(HealthField.SMART_STATUS_PASSED) && r.value(HealthField.SMART_STATUS_PASSED) == 0) {
            bad("the drive's own SMART health self-assessment failed");
        }
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
