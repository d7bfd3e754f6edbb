package io.harbinger.parsers.prometheus;

import java.util.Arrays;

/**
 * Scratch space for one decoded {@code prometheus.TimeSeries}, reused from series to series so that
 * decoding a request allocates only the label strings. Mutable and confined to one parse call.
 */
final class SeriesBuffer {
    /** No label failed UTF-8 validation. */
    static final int ALL_LABELS_VALID = -1;

    private String[] names = new String[16];
    private String[] values = new String[16];
    private int labelCount;
    private double[] sampleValues = new double[8];
    private long[] sampleMillis = new long[8];
    private int sampleCount;
    private int invalidUtf8Label = ALL_LABELS_VALID;
    private boolean invalidUtf8InName;

    void clear() {
        labelCount = 0;
        sampleCount = 0;
        invalidUtf8Label = ALL_LABELS_VALID;
    }

    void addLabel(String name, String value) {
        if (labelCount == names.length) {
            names = Arrays.copyOf(names, labelCount * 2);
            values = Arrays.copyOf(values, labelCount * 2);
        }
        names[labelCount] = name;
        values[labelCount] = value;
        labelCount++;
    }

    /** Records that label {@code index} (0-based) held bytes that are not UTF-8; the first such label is kept. */
    void markInvalidUtf8(int index, boolean inName) {
        if (invalidUtf8Label != ALL_LABELS_VALID) return;
        invalidUtf8Label = index;
        invalidUtf8InName = inName;
    }

    void addSample(double value, long timestampMillis) {
        if (sampleCount == sampleValues.length) {
            sampleValues = Arrays.copyOf(sampleValues, sampleCount * 2);
            sampleMillis = Arrays.copyOf(sampleMillis, sampleCount * 2);
        }
        sampleValues[sampleCount] = value;
        sampleMillis[sampleCount] = timestampMillis;
        sampleCount++;
    }

    int labelCount() {
        return labelCount;
    }

    String name(int i) {
        return names[i];
    }

    String value(int i) {
        return values[i];
    }

    int sampleCount() {
        return sampleCount;
    }

    double sampleValue(int i) {
        return sampleValues[i];
    }

    long sampleMillis(int i) {
        return sampleMillis[i];
    }

    /** 0-based index of the first label with invalid UTF-8, or {@link #ALL_LABELS_VALID}. */
    int invalidUtf8Label() {
        return invalidUtf8Label;
    }

    boolean invalidUtf8InName() {
        return invalidUtf8InName;
    }
}
