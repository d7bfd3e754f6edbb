package io.harbinger.parsers;

import java.util.List;

/** Mutations of valid bodies for the parsers' fuzz properties. */
public final class Mutations {
    private Mutations() {
    }

    /** {@code bytes} with each listed bit (taken modulo the length in bits) inverted; a copy, the input is untouched. */
    public static byte[] flipBits(byte[] bytes, List<Integer> bits) {
        if (bytes.length == 0) return bytes;
        byte[] out = bytes.clone();
        for (int bit : bits) {
            int at = Math.floorMod(bit, out.length * 8);
            out[at / 8] ^= (byte) (1 << (at % 8));
        }
        return out;
    }
}
