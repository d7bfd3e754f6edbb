package io.harbinger.predict.feature;

import java.util.Arrays;

/**
 * The compact, exact byte form of a {@link DriveHistory} (a state-store value: written to RocksDB and
 * its changelog topic for every disk sample, so its size is the processor's main I/O). SMART raw values
 * are whole numbers that change little from day to day, so each value is written as a varint of its
 * change from the same attribute's previous reading; a value that is not a whole number (or is -0.0)
 * is written as its 8 raw bytes, NaN as one byte. Days and timestamps are deltas too. About 0.4 KB for a
 * full 31-day history instead of 2.6 KB; every double decodes to the same bits, so a decoded history
 * computes the same features. The raw probabilities of the recent scored days follow (day delta and
 * the float's 4 bytes each: about 70 bytes for {@value DriveHistory#SCORE_DAYS} days), exact too.
 *
 * <pre>
 * format 3 | firstDay | firstErrorDay | lastFlaggedDay | n | n x (day delta, nanos of day, 10 x value)
 *          | m | m x (day delta, 4 bytes of float bits)
 * value: varlong (zigzag(delta) << 2 | 1) for a whole number, 0 for NaN, 2 + 8 bytes otherwise
 * </pre>
 *
 * Format 2 (before the raw probabilities were kept) still decodes, with no recent scores: state stores
 * survive an upgrade, and the alarm policy's window fills again within its n days.
 */
final class HistoryCodec {
    static final byte FORMAT = 3;
    /** The format before the recent raw probabilities: decoded with none. */
    static final byte FORMAT_NO_SCORES = 2;
    private static final int NAN = 0;
    private static final int WHOLE = 1;
    private static final int RAW = 2;
    private static final long MAX_WHOLE = 1L << 53;

    private HistoryCodec() {
    }

    static byte[] encode(DriveHistory h) {
        Writer w = new Writer(32 + h.size() * 24);
        w.bytes[w.pos++] = FORMAT;
        w.varlong(zigzag(h.firstDayRaw()));
        w.varlong(zigzag(h.firstErrorDay()));
        w.varlong(zigzag(h.lastFlaggedDayRaw()));
        w.varlong(h.size());
        long previousDay = 0;
        long[] previous = new long[DriveReading.ATTRIBUTES.length];
        for (int i = 0; i < h.size(); i++) {
            long day = h.day(i);
            w.varlong(zigzag(day - previousDay));
            previousDay = day;
            w.varlong(zigzag(h.stamp(i) - day * DriveReading.NANOS_PER_DAY));
            for (int s = 0; s < previous.length; s++) previous[s] = value(w, h.value(i, s), previous[s]);
        }
        w.varlong(h.scoreCount());
        for (int i = 0; i < h.scoreCount(); i++) {
            long day = h.scoreDay(i);
            w.varlong(zigzag(day - previousDay));
            previousDay = day;
            w.raw32(Float.floatToRawIntBits(h.score(i)));
        }
        return Arrays.copyOf(w.bytes, w.pos);
    }

    /** Writes one value; @return the whole number the next reading's delta is taken from */
    private static long value(Writer w, double v, long previous) {
        if (Double.isNaN(v)) {
            w.varlong(NAN);
            return previous;
        }
        long whole = (long) v;
        if (Math.abs(v) < MAX_WHOLE && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits((double) whole)) {
            w.varlong(zigzag(whole - previous) << 2 | WHOLE);
            return whole;
        }
        w.varlong(RAW);
        w.raw(Double.doubleToRawLongBits(v));
        return previous;
    }

    static DriveHistory decode(byte[] bytes) {
        if (bytes.length < 5 || (bytes[0] != FORMAT && bytes[0] != FORMAT_NO_SCORES)) {
            throw new IllegalArgumentException("not an encoded drive history (format " + FORMAT_NO_SCORES + " or " + FORMAT + ")");
        }
        Reader r = new Reader(bytes);
        long firstDay = unzigzag(r.varlong());
        long firstErrorDay = unzigzag(r.varlong());
        long lastFlaggedDay = unzigzag(r.varlong());
        long n = r.varlong();
        if (n < 0 || n > DriveHistory.WINDOW_DAYS + 1) throw new IllegalArgumentException("encoded drive history claims " + n + " readings, at most " + (DriveHistory.WINDOW_DAYS + 1) + " fit its window");
        int size = (int) n;
        long[] days = new long[Math.max(size, 8)];
        long[] stamps = new long[days.length];
        double[] values = new double[days.length * DriveReading.ATTRIBUTES.length];
        long day = 0;
        long[] previous = new long[DriveReading.ATTRIBUTES.length];
        for (int i = 0; i < size; i++) {
            day += unzigzag(r.varlong());
            days[i] = day;
            stamps[i] = day * DriveReading.NANOS_PER_DAY + unzigzag(r.varlong());
            for (int s = 0; s < previous.length; s++) {
                long tagged = r.varlong();
                int kind = (int) (tagged & 3);
                double v;
                if (kind == NAN && tagged == 0) {
                    v = Double.NaN;
                } else if (kind == WHOLE) {
                    previous[s] += unzigzag(tagged >>> 2);
                    v = previous[s];
                } else if (kind == RAW && tagged == RAW) {
                    v = Double.longBitsToDouble(r.raw());
                } else {
                    throw new IllegalArgumentException("encoded drive history has a bad value tag " + tagged + " at byte " + r.pos);
                }
                values[i * previous.length + s] = v;
            }
        }
        long[] scoreDays = new long[DriveHistory.SCORE_DAYS];
        float[] scores = new float[DriveHistory.SCORE_DAYS];
        int scoreCount = bytes[0] == FORMAT ? decodeScores(r, day, scoreDays, scores) : 0;
        if (r.pos != bytes.length) throw new IllegalArgumentException("encoded drive history has " + (bytes.length - r.pos) + " bytes left over after " + size + " readings");
        return DriveHistory.restore(size, days, stamps, values, firstDay, firstErrorDay, lastFlaggedDay, scoreCount, scoreDays, scores);
    }

    /** Reads the recent raw probabilities into the arrays; @return how many */
    private static int decodeScores(Reader r, long day, long[] scoreDays, float[] scores) {
        long m = r.varlong();
        if (m < 0 || m > DriveHistory.SCORE_DAYS) throw new IllegalArgumentException("encoded drive history claims " + m + " scored days, at most " + DriveHistory.SCORE_DAYS + " are kept");
        for (int i = 0; i < m; i++) {
            day += unzigzag(r.varlong());
            if (i > 0 && day <= scoreDays[i - 1]) throw new IllegalArgumentException("encoded drive history has scored days out of order at byte " + r.pos);
            scoreDays[i] = day;
            scores[i] = Float.intBitsToFloat((int) r.raw(4));
        }
        return (int) m;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static final class Writer {
        byte[] bytes;
        int pos;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        void varlong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[pos++] = (byte) v;
        }

        void raw(long bits) {
            ensure(8);
            for (int k = 0; k < 8; k++) bytes[pos++] = (byte) (bits >>> (56 - 8 * k));
        }

        void raw32(int bits) {
            ensure(4);
            for (int k = 0; k < 4; k++) bytes[pos++] = (byte) (bits >>> (24 - 8 * k));
        }

        private void ensure(int n) {
            if (pos + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, pos + n));
        }
    }

    private static final class Reader {
        final byte[] bytes;
        int pos = 1;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long varlong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= bytes.length) throw new IllegalArgumentException("encoded drive history is truncated at byte " + pos);
                byte b = bytes[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) return v;
            }
            throw new IllegalArgumentException("encoded drive history has an over-long number at byte " + pos);
        }

        long raw() {
            return raw(8);
        }

        /** {@code n} big-endian bytes. */
        long raw(int n) {
            if (pos + n > bytes.length) throw new IllegalArgumentException("encoded drive history is truncated at byte " + pos);
            long v = 0;
            for (int k = 0; k < n; k++) v = (v << 8) | (bytes[pos++] & 0xFF);
            return v;
        }
    }
}
