package io.harbinger.predict.model;

import io.harbinger.predict.feature.DriveHistory;

import java.util.Arrays;

/**
 * Alarm persistence: a drive alarms on day d when at least {@code k} of its scored days in
 * {@code [d - n + 1, d]} have a raw probability at or above the threshold. Equivalently, its
 * <em>persistence score</em> on d is the k-th largest raw probability among those days (0 when it has
 * fewer than k scored days there), and it alarms when that score reaches the threshold: one number per
 * day, so thresholds and calibration work on it exactly as on a raw probability. Days are calendar days:
 * a day without a sample is a day without a score, not a zero. {@code k = n = 1} is one day above the
 * threshold (the score is the day's raw probability itself).
 *
 * <p>The stream ({@link #record}, on the raw probabilities a drive's history keeps)
 * and offline code ({@link #scores}) pick the k-th largest of the same values with the same code, so
 * their scores are equal bit for bit.
 *
 * @param k days that must reach the threshold, 1..n
 * @param n days of the window, ending on the day scored, k..{@value DriveHistory#SCORE_DAYS}
 */
public record AlarmPolicy(int k, int n) {
    /** One day above the threshold: the behaviour of models without a policy. */
    public static final AlarmPolicy SINGLE_DAY = new AlarmPolicy(1, 1);

    public AlarmPolicy {
        if (n < 1 || n > DriveHistory.SCORE_DAYS) {
            throw new IllegalArgumentException("alarm window n must be in 1.." + DriveHistory.SCORE_DAYS + " days (what a drive's history keeps), was " + n);
        }
        if (k < 1 || k > n) throw new IllegalArgumentException("alarm days k must be in 1..n = " + n + ", was " + k);
    }

    /**
     * Offline: the persistence score of each of one drive's days.
     *
     * @param days epoch days, strictly increasing
     * @param raw  {@code raw[i]} is the model's raw probability on {@code days[i]}
     */
    public double[] scores(long[] days, double[] raw) {
        if (days.length != raw.length) throw new IllegalArgumentException(days.length + " days but " + raw.length + " raw probabilities");
        double[] out = new double[days.length];
        double[] window = new double[n];
        int first = 0;
        for (int i = 0; i < days.length; i++) {
            if (i > 0 && days[i] <= days[i - 1]) {
                throw new IllegalArgumentException("days must be strictly increasing: day " + days[i] + " at index " + i + " follows " + days[i - 1]);
            }
            while (days[first] < days[i] - n + 1) first++;
            int count = i - first + 1;
            System.arraycopy(raw, first, window, 0, count);
            out[i] = kthLargest(window, count);
        }
        return out;
    }

    /**
     * In the stream: records {@code raw}, the model's raw probability of {@code day}, in the drive's
     * history (replacing the day's earlier one), then returns the day's persistence score from it. Rows of
     * one drive are recorded in the order they are scored: a second sample in a batch sees the first's.
     */
    public double record(long day, float raw, DriveHistory history) {
        history.recordScore(day, raw);
        return score(day, history);
    }

    /**
     * The persistence score on {@code day} from the raw probabilities {@code history}
     * holds for the days of the window (the day itself included: record it first).
     */
    public double score(long day, DriveHistory history) {
        double[] window = new double[n];
        return kthLargest(window, history.rawScores(day - n + 1, day, window));
    }

    /** The k-th largest of {@code window[0..count)}, 0 when there are fewer than k; reorders the window. */
    private double kthLargest(double[] window, int count) {
        if (count < k) return 0;
        Arrays.sort(window, 0, count);
        return window[count - k];
    }
}
