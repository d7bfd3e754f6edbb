package io.harbinger.predict.train;

import java.util.Arrays;

/** A growing float array. */
final class FloatList {
    private float[] values = new float[1024];
    private int size;

    void add(float v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    int size() {
        return size;
    }

    float get(int i) {
        return values[i];
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
