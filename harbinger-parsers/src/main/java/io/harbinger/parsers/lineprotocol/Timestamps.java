package io.harbinger.parsers.lineprotocol;

/** Range check for decimal timestamps without parsing them twice. */
final class Timestamps {
    private static final byte[] LONG_MAX = Long.toString(Long.MAX_VALUE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Timestamps() {
    }

    /** @return whether the digits {@code b[from, to)} denote a value of at most {@link Long#MAX_VALUE} */
    static boolean fitsLong(byte[] b, int from, int to) {
        int start = from;
        while (start < to - 1 && b[start] == '0') start++;
        int digits = to - start;
        if (digits != LONG_MAX.length) return digits < LONG_MAX.length;
        return java.util.Arrays.compare(b, start, to, LONG_MAX, 0, LONG_MAX.length) <= 0;
    }
}
