package io.harbinger.parsers.lineprotocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds line ends eight bytes at a time (SWAR) and notes, in the same pass, whether the line holds
 * any byte outside ASCII, so that UTF-8 validation runs only on lines that need it.
 */
final class LineSplitter {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    private boolean ascii;

    /**
     * @return the index of the first {@code '\n'} in {@code [from, to)}, or {@code to}; afterwards
     * {@link #lastLineAscii()} tells whether {@code [from, result)} is pure ASCII
     */
    int lineEnd(byte[] b, int from, int to) {
        long high = 0;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long x = word ^ NEWLINES;
            // the lowest flagged byte is exactly the first '\n' (borrows only flag bytes above it)
            long hit = (x - ONES) & ~x & HIGH_BITS;
            if (hit != 0) {
                int k = Long.numberOfTrailingZeros(hit) >>> 3;
                high |= word & ((1L << (k << 3)) - 1);
                ascii = (high & HIGH_BITS) == 0;
                return i + k;
            }
            high |= word;
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\n') break;
            high |= c;
        }
        ascii = (high & HIGH_BITS) == 0;
        return i;
    }

    boolean lastLineAscii() {
        return ascii;
    }
}
