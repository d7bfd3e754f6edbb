package io.harbinger.predict.feature;

import io.harbinger.schema.disk.SmartAttribute;

import java.util.Arrays;

/**
 * The state the features and the alarm of one drive need: its readings of the last {@value #WINDOW_DAYS}
 * days before its newest one (one per UTC day, the latest sample of a day wins), the first day it was
 * seen, the first day an error counter was above zero, the last day it was flagged (for alert episodes),
 * and the model's raw probabilities of its last {@value #SCORE_DAYS} scored days (for the alarm policy's
 * persistence score, {@code io.harbinger.predict.model.AlarmPolicy}).
 *
 * <p>Readings may arrive late or out of order: each is put in its place by day, so the features of a day
 * depend only on the readings of that day and before, whatever order they came in. A reading older than
 * the window (more than {@value #WINDOW_DAYS} days before the newest) is refused: its day's features could
 * no longer be computed right. Raw probabilities are put in their place by day the same way; a day
 * scored again replaces its value. Mutable, not thread-safe; {@link #encode()}/{@link #decode} for state stores.
 */
public final class DriveHistory {
    /** Days kept before the newest reading: enough for 30-day changes. */
    public static final int WINDOW_DAYS = 30;
    /**
     * Days of raw probabilities kept, ending on the newest scored day: the longest alarm window. A day
     * scored late by more than {@code SCORE_DAYS - n} days finds the oldest days of its n-day window gone.
     */
    public static final int SCORE_DAYS = 14;
    static final long NONE = Long.MIN_VALUE;
    private static final int SLOTS = DriveReading.ATTRIBUTES.length;

    // readings in day order: days[i], stamp[i] (the reading's nanos), values[i * SLOTS ...]
    private int size;
    private long[] days = new long[8];
    private long[] stamps = new long[8];
    private double[] values = new double[8 * SLOTS];
    private long firstDay = NONE;
    private long firstErrorDay = NONE;
    private long lastFlaggedDay = NONE;
    // raw probabilities in day order: scoreDays[i], scores[i]; at most SCORE_DAYS
    private int scoreCount;
    private long[] scoreDays = new long[SCORE_DAYS];
    private float[] scores = new float[SCORE_DAYS];

    /** What {@link #add} did with a reading. */
    public enum Added { ADDED, REPLACED, STALE_SAME_DAY, TOO_OLD }

    /**
     * Puts {@code r} in its place. A second reading of a day replaces the first if it is not older;
     * a reading more than {@value #WINDOW_DAYS} days before the newest one is refused.
     */
    public Added add(DriveReading r) {
        long day = r.epochDay();
        if (size > 0 && day < days[size - 1] - WINDOW_DAYS) return Added.TOO_OLD;
        if (firstDay == NONE || day < firstDay) firstDay = day;
        if (r.ruleFlag() && (firstErrorDay == NONE || day < firstErrorDay)) firstErrorDay = day;
        int i = indexOf(day);
        if (i >= 0) {
            if (r.timestampNanos() < stamps[i]) return Added.STALE_SAME_DAY;
            stamps[i] = r.timestampNanos();
            System.arraycopy(r.values(), 0, values, i * SLOTS, SLOTS);
            return Added.REPLACED;
        }
        insert(-i - 1, day, r);
        evictBefore(days[size - 1] - WINDOW_DAYS);
        return Added.ADDED;
    }

    /** The day of the newest reading (days since 1970-01-01). @throws IllegalStateException when empty */
    public long newestDay() {
        if (size == 0) throw new IllegalStateException("the history is empty");
        return days[size - 1];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Days from the first reading ever seen to {@code day}, 1 on the first day. */
    public long historyDays(long day) {
        return firstDay == NONE ? 0 : day - firstDay + 1;
    }

    long firstErrorDay() {
        return firstErrorDay;
    }

    /**
     * Records that the drive was flagged on {@code day}; true when that raises an alert: no flagged day
     * in the {@code rearmDays} days before it (a new episode).
     */
    public boolean flag(long day, int rearmDays) {
        boolean raises = lastFlaggedDay == NONE || day - lastFlaggedDay > rearmDays;
        if (lastFlaggedDay == NONE || day > lastFlaggedDay) lastFlaggedDay = day;
        return raises;
    }

    /**
     * Records the model's raw probability of {@code day}, replacing the day's earlier one; days more than
     * {@value #SCORE_DAYS} days before the newest scored day are dropped (a late day that old is not kept).
     */
    public void recordScore(long day, float raw) {
        int i = Arrays.binarySearch(scoreDays, 0, scoreCount, day);
        if (i >= 0) {
            scores[i] = raw;
            return;
        }
        int at = -i - 1;
        long newest = Math.max(day, scoreCount == 0 ? day : scoreDays[scoreCount - 1]);
        int drop = 0;
        while (drop < scoreCount && scoreDays[drop] <= newest - SCORE_DAYS) drop++;
        if (day <= newest - SCORE_DAYS) return;
        // drop the days that fall out of the window, then open a slot at the insertion point
        System.arraycopy(scoreDays, drop, scoreDays, 0, at - drop);
        System.arraycopy(scores, drop, scores, 0, at - drop);
        int insertAt = at - drop;
        int tail = scoreCount - at;
        System.arraycopy(scoreDays, at, scoreDays, insertAt + 1, tail);
        System.arraycopy(scores, at, scores, insertAt + 1, tail);
        scoreDays[insertAt] = day;
        scores[insertAt] = raw;
        scoreCount = scoreCount - drop + 1;
    }

    /**
     * Copies the raw probabilities of the days in {@code [fromDay, toDay]} into {@code out}, in day order.
     *
     * @return how many were copied
     * @throws IllegalArgumentException when {@code out} is too short for them
     */
    public int rawScores(long fromDay, long toDay, double[] out) {
        int from = Arrays.binarySearch(scoreDays, 0, scoreCount, fromDay);
        if (from < 0) from = -from - 1;
        int count = 0;
        for (int i = from; i < scoreCount && scoreDays[i] <= toDay; i++) {
            if (count == out.length) throw new IllegalArgumentException("more than " + out.length + " scored days in [" + fromDay + ", " + toDay + "]");
            out[count++] = scores[i];
        }
        return count;
    }

    /** Whether a reading of {@code day} is held. */
    public boolean hasReadingOn(long day) {
        return indexOf(day) >= 0;
    }

    /**
     * The readings of days {@code fromDay..toDay} that report {@code attribute}: their days and raw values,
     * oldest first, copied into {@code days} and {@code values}.
     *
     * @return how many were copied
     * @throws IllegalArgumentException when the arrays are too short for them
     */
    public int readingsOf(SmartAttribute attribute, long fromDay, long toDay, long[] days, double[] values) {
        int slot = attribute.slot();
        int from = indexOf(fromDay);
        if (from < 0) from = -from - 1;
        int count = 0;
        for (int i = from; i < size && this.days[i] <= toDay; i++) {
            double v = value(i, slot);
            if (Double.isNaN(v)) continue;
            if (count == days.length || count == values.length) throw new IllegalArgumentException("more readings of " + attribute + " than the arrays hold");
            days[count] = this.days[i];
            values[count++] = v;
        }
        return count;
    }

    int scoreCount() {
        return scoreCount;
    }

    long scoreDay(int i) {
        return scoreDays[i];
    }

    float score(int i) {
        return scores[i];
    }

    int size() {
        return size;
    }

    long day(int i) {
        return days[i];
    }

    double value(int i, int slot) {
        return values[i * SLOTS + slot];
    }

    /** Index of the newest reading on or before {@code day}, or -1. */
    int atOrBefore(long day) {
        int i = indexOf(day);
        return i >= 0 ? i : -i - 2;
    }

    /** Binary search: the index of {@code day}, else -(insertion point) - 1. */
    private int indexOf(long day) {
        return Arrays.binarySearch(days, 0, size, day);
    }

    private void insert(int at, long day, DriveReading r) {
        if (size == days.length) grow();
        System.arraycopy(days, at, days, at + 1, size - at);
        System.arraycopy(stamps, at, stamps, at + 1, size - at);
        System.arraycopy(values, at * SLOTS, values, (at + 1) * SLOTS, (size - at) * SLOTS);
        days[at] = day;
        stamps[at] = r.timestampNanos();
        System.arraycopy(r.values(), 0, values, at * SLOTS, SLOTS);
        size++;
    }

    private void grow() {
        int n = days.length * 2;
        days = Arrays.copyOf(days, n);
        stamps = Arrays.copyOf(stamps, n);
        values = Arrays.copyOf(values, n * SLOTS);
    }

    private void evictBefore(long day) {
        int drop = 0;
        while (drop < size && days[drop] < day) drop++;
        if (drop == 0) return;
        System.arraycopy(days, drop, days, 0, size - drop);
        System.arraycopy(stamps, drop, stamps, 0, size - drop);
        System.arraycopy(values, drop * SLOTS, values, 0, (size - drop) * SLOTS);
        size -= drop;
    }

    /** The state as bytes ({@link HistoryCodec}): doubles are kept exactly, so a decoded history computes the same features. */
    public byte[] encode() {
        return HistoryCodec.encode(this);
    }

    /** @throws IllegalArgumentException when {@code bytes} are not an encoded history, saying what is wrong */
    public static DriveHistory decode(byte[] bytes) {
        return HistoryCodec.decode(bytes);
    }

    static DriveHistory restore(int size, long[] days, long[] stamps, double[] values, long firstDay, long firstErrorDay, long lastFlaggedDay,
                                int scoreCount, long[] scoreDays, float[] scores) {
        DriveHistory h = new DriveHistory();
        h.size = size;
        h.days = days;
        h.stamps = stamps;
        h.values = values;
        h.firstDay = firstDay;
        h.firstErrorDay = firstErrorDay;
        h.lastFlaggedDay = lastFlaggedDay;
        h.scoreCount = scoreCount;
        h.scoreDays = scoreDays;
        h.scores = scores;
        return h;
    }

    long stamp(int i) {
        return stamps[i];
    }

    long firstDayRaw() {
        return firstDay;
    }

    long lastFlaggedDayRaw() {
        return lastFlaggedDay;
    }
}
