package io.harbinger.parsers.lineprotocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A small direct-mapped cache from byte sequences to values (names, tags), so that the thousand
 * lines of a body share one {@code String} per distinct name instead of allocating one per line.
 * A colliding entry simply replaces the old one: the cache bounds memory, never correctness.
 * Not thread-safe: one instance per parse call.
 */
final class ByteKeyCache<V> {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[][] keys;
    private final Object[] values;
    private final int mask;

    ByteKeyCache(int slotsPowerOfTwo) {
        if (Integer.bitCount(slotsPowerOfTwo) != 1) throw new IllegalArgumentException("slots must be a power of two, got " + slotsPowerOfTwo);
        keys = new byte[slotsPowerOfTwo][];
        values = new Object[slotsPowerOfTwo];
        mask = slotsPowerOfTwo - 1;
    }

    /** @return the value cached for {@code b[from, from+length)}, or {@code null} on a miss (as {@code Map.get}) */
    @SuppressWarnings("unchecked")
    V get(byte[] b, int from, int length) {
        int slot = slot(b, from, length);
        byte[] key = keys[slot];
        if (key != null && key.length == length && Arrays.equals(key, 0, length, b, from, from + length)) {
            return (V) values[slot];
        }
        return null;
    }

    V put(byte[] b, int from, int length, V value) {
        int slot = slot(b, from, length);
        keys[slot] = Arrays.copyOfRange(b, from, from + length);
        values[slot] = value;
        return value;
    }

    /** Hashes the length and the first and last eight bytes: O(1), and names that differ anywhere usually differ there. */
    private int slot(byte[] b, int from, int length) {
        long h;
        if (length >= Long.BYTES) {
            long first = (long) LONGS.get(b, from);
            long last = (long) LONGS.get(b, from + length - Long.BYTES);
            h = first * 0x9E3779B97F4A7C15L + Long.rotateLeft(last * 0xC2B2AE3D27D4EB4FL, 31) + length;
        } else {
            long v = 0;
            for (int i = 0; i < length; i++) v = (v << 8) | (b[from + i] & 0xFF);
            h = (v + length) * 0x9E3779B97F4A7C15L;
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
