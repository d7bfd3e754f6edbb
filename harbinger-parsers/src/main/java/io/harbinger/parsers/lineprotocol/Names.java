package io.harbinger.parsers.lineprotocol;

import java.nio.charset.StandardCharsets;

/**
 * Turns name tokens (measurement, tag keys and values, field keys) into strings: unescapes them when
 * needed and interns them per body, so repeated names cost a cache lookup instead of an allocation.
 * Use: {@link #prepare} a token, check its length, then {@link #intern()} it.
 */
final class Names {
    private final byte[] buf;
    private final ByteKeyCache<String> cache = new ByteKeyCache<>(1024);
    private byte[] unescaped = new byte[256];
    private byte[] source;
    private int start;
    private int length;

    Names(byte[] buf) {
        this.buf = buf;
    }

    /**
     * Readies {@code buf[from, to)} for {@link #intern()}: {@code \,} {@code \ } {@code \\} (and {@code \=}
     * outside measurements) lose their backslash; any other backslash is a literal one.
     *
     * @return the length of the name in bytes, once unescaped
     */
    int prepare(int from, int to, boolean hasEscapes, boolean measurement) {
        if (!hasEscapes) {
            source = buf;
            start = from;
            length = to - from;
            return length;
        }
        if (unescaped.length < to - from) unescaped = new byte[Math.max(to - from, unescaped.length * 2)];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = buf[i];
            if (c == '\\' && i + 1 < to && isEscapable(buf[i + 1], measurement)) c = buf[++i];
            unescaped[n++] = c;
        }
        source = unescaped;
        start = 0;
        length = n;
        return n;
    }

    /** The prepared name, one instance per distinct name while it stays in the cache. */
    String intern() {
        String cached = cache.get(source, start, length);
        return cached != null ? cached : cache.put(source, start, length, new String(source, start, length, StandardCharsets.UTF_8));
    }

    private static boolean isEscapable(byte c, boolean measurement) {
        return c == ',' || c == ' ' || c == '\\' || (c == '=' && !measurement);
    }
}
