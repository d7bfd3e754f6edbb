package io.harbinger.predict.train;

import io.harbinger.predict.feature.Features;

import java.util.Arrays;

/** Feature rows appended one after another into one growing float array, as XGBoost takes them. */
final class RowBuffer {
    private float[] values = new float[1 << 16];
    private int rows;

    int add(float[] features) {
        int at = rows * Features.COUNT;
        if (at + Features.COUNT > values.length) values = Arrays.copyOf(values, Math.max(values.length * 2, at + Features.COUNT));
        System.arraycopy(features, 0, values, at, Features.COUNT);
        return rows++;
    }

    int rows() {
        return rows;
    }

    /** The rows, exactly {@code rows() * Features.COUNT} values. */
    float[] values() {
        return values.length == rows * Features.COUNT ? values : Arrays.copyOf(values, rows * Features.COUNT);
    }
}
