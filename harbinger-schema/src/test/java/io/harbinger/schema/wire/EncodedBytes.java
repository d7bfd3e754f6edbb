package io.harbinger.schema.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** For tests that damage an encoded record in one precise place. */
public final class EncodedBytes {
    private EncodedBytes() {
    }

    /** Where the little-endian float64 {@code value} first starts in {@code bytes}, as the codecs write it. */
    public static int indexOf(byte[] bytes, double value) {
        byte[] needle = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array();
        for (int i = 0; i + 8 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 8, needle, 0, 8)) return i;
        }
        throw new IllegalStateException(value + " is not in the " + bytes.length + " bytes");
    }
}
