package io.harbinger.simulate.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The offered rate over time, in samples per second: consecutive steps of constant rate. Pure: it says
 * when the sample with a given running number is due ({@link #dueNanos}), which is what makes the load
 * open-loop — a slow answer does not move the schedule.
 *
 * @param name  steady, surge or ramp
 * @param steps in order; each at least a millisecond, every rate above zero
 */
public record LoadProfile(String name, List<Step> steps) {
    /** {@code phase} names the step in the report (baseline, surge, after, step 3, ...). */
    public record Step(String phase, double rate, long nanos) {
        public Step {
            if (!(rate > 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("a step's rate must be > 0 samples/s, was " + rate);
            if (nanos < 1_000_000) throw new IllegalArgumentException("a step must last at least 1 ms, was " + nanos + " ns");
        }

        double samples() {
            return rate * nanos / 1e9;
        }
    }

    public LoadProfile {
        if (steps == null || steps.isEmpty()) throw new IllegalArgumentException("a profile needs at least one step");
        steps = List.copyOf(steps);
    }

    /** {@code rate} samples/s for {@code length}. */
    public static LoadProfile steady(double rate, Duration length) {
        return new LoadProfile("steady", List.of(new Step("steady", rate, length.toNanos())));
    }

    /** {@code base} for {@code before}, {@code base x factor} for {@code during}, {@code base} again for {@code after}. */
    public static LoadProfile surge(double base, double factor, Duration before, Duration during, Duration after) {
        if (!(factor >= 1)) throw new IllegalArgumentException("a surge's factor must be >= 1, was " + factor);
        return new LoadProfile("surge", List.of(new Step("baseline", base, before.toNanos()), new Step("surge", base * factor, during.toNanos()),
                new Step("after", base, after.toNanos())));
    }

    /** From {@code start}, {@code increment} more every {@code stepLength}, up to and including {@code max}. */
    public static LoadProfile ramp(double start, double increment, double max, Duration stepLength) {
        if (!(increment > 0)) throw new IllegalArgumentException("a ramp's increment must be > 0, was " + increment);
        if (!(max >= start)) throw new IllegalArgumentException("a ramp's maximum must be >= its start, was " + max + " < " + start);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; start + i * increment <= max * (1 + 1e-9); i++) {
            if (i >= 1000) throw new IllegalArgumentException("a ramp of more than 1000 steps: raise the increment");
            steps.add(new Step("step " + (i + 1), start + i * increment, stepLength.toNanos()));
        }
        return new LoadProfile("ramp", steps);
    }

    public long lengthNanos() {
        long n = 0;
        for (Step s : steps) n += s.nanos();
        return n;
    }

    /** The step in force {@code nanos} after the start; the last one at or past the end. */
    public int stepAt(long nanos) {
        long end = 0;
        for (int i = 0; i < steps.size(); i++) {
            end += steps.get(i).nanos();
            if (nanos < end) return i;
        }
        return steps.size() - 1;
    }

    /** When step {@code i} begins, from the start. */
    public long stepStartNanos(int i) {
        long start = 0;
        for (int j = 0; j < i; j++) start += steps.get(j).nanos();
        return start;
    }

    /** The samples offered in the whole profile. */
    public double totalSamples() {
        double n = 0;
        for (Step s : steps) n += s.samples();
        return n;
    }

    /** The samples due in the first {@code nanos} of the profile (all of them past its end). */
    public double samplesBy(long nanos) {
        double n = 0;
        long start = 0;
        for (Step s : steps) {
            if (nanos < start + s.nanos()) return n + s.rate() * Math.max(0, nanos - start) / 1e9;
            n += s.samples();
            start += s.nanos();
        }
        return n;
    }

    /**
     * When the sample with running number {@code samplesBefore} (0-based: that many were due before it)
     * is due, in nanoseconds from the start; {@link Long#MAX_VALUE} when the profile ends before it.
     */
    public long dueNanos(double samplesBefore) {
        if (samplesBefore < 0) throw new IllegalArgumentException("samplesBefore must be >= 0, was " + samplesBefore);
        double left = samplesBefore;
        long start = 0;
        for (Step s : steps) {
            double n = s.samples();
            if (left < n) return start + (long) (left / s.rate() * 1e9);
            left -= n;
            start += s.nanos();
        }
        return Long.MAX_VALUE;
    }
}
