package io.harbinger.predict.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The lead times of the recalled drives: for each, the failure day minus the first day the drive was
 * flagged in the whole period, in days (so always {@code >= 0}).
 *
 * <p>Percentiles interpolate linearly between the closest ranks (the usual "type 7" definition:
 * rank {@code (n - 1) * p / 100} of the sorted values); they are {@code NaN} when there is no lead time.
 *
 * @param horizonDays the horizon H; the histogram has one bin per day {@code 0..H-1}, then {@code H-29}
 *                    (when H &lt; 30) and {@code >=max(30, H)}
 * @param days        the lead times, in any order (stored sorted ascending)
 */
public record LeadTimes(int horizonDays, List<Integer> days) {
    static final int LONG_LEAD_DAYS = 30;

    public LeadTimes {
        if (horizonDays < 1) throw new IllegalArgumentException("horizonDays must be >= 1, was " + horizonDays);
        days = days.stream().sorted().toList();
        if (!days.isEmpty() && days.getFirst() < 0) throw new IllegalArgumentException("lead times must be >= 0 days, got " + days.getFirst());
    }

    public int count() {
        return days.size();
    }

    public double median() {
        return percentile(50);
    }

    /** The {@code p}-th percentile, {@code p} in 0..100; {@code NaN} when there is no lead time. */
    public double percentile(double p) {
        if (!(p >= 0 && p <= 100)) throw new IllegalArgumentException("percentile must be in 0..100, was " + p);
        if (days.isEmpty()) return Double.NaN;
        double rank = (days.size() - 1) * p / 100;
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return days.get(below) + (rank - below) * (days.get(above) - days.get(below));
    }

    /** One bin per day {@code 0..H-1}, then {@code H-29} (when H &lt; 30), then {@code >=max(30, H)}. */
    public List<LeadTimeBin> histogram() {
        List<LeadTimeBin> bins = new ArrayList<>();
        for (int d = 0; d < horizonDays; d++) bins.add(bin(Integer.toString(d), d, d));
        if (horizonDays < LONG_LEAD_DAYS) {
            int last = LONG_LEAD_DAYS - 1;
            bins.add(bin(horizonDays == last ? Integer.toString(last) : horizonDays + "-" + last, horizonDays, last));
        }
        int open = Math.max(LONG_LEAD_DAYS, horizonDays);
        bins.add(bin(">=" + open, open, Integer.MAX_VALUE));
        return List.copyOf(bins);
    }

    private LeadTimeBin bin(String label, int from, int to) {
        int count = (int) days.stream().filter(d -> d >= from && d <= to).count();
        return new LeadTimeBin(label, from, to, count);
    }
}
