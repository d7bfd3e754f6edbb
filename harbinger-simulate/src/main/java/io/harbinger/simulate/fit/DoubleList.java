package io.harbinger.simulate.fit;

import java.util.Arrays;

/** A growable list of doubles (the fitting keeps millions of samples; boxing them would not fit in memory). */
final class DoubleList {
    private double[] values;
    private int size;

    DoubleList(int capacity) {
        values = new double[Math.max(1, capacity)];
    }

    void add(double v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    void addAll(DoubleList other) {
        if (other == null) return;
        for (int i = 0; i < other.size; i++) add(other.values[i]);
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
