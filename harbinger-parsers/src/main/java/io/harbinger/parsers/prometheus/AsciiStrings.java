package io.harbinger.parsers.prometheus;

import java.nio.charset.StandardCharsets;

/**
 * Per-request cache of short ASCII label strings. A remote write batch repeats the same few names
 * ({@code __name__}, {@code instance}, {@code job}) and values (one {@code instance} per target)
 * across hundreds of series; reusing the String halves the allocation per sample and lets the
 * points share their strings downstream. Direct-mapped: a collision simply replaces the slot.
 */
final class AsciiStrings {
    private static final int SLOTS = 1024; // power of two
    private static final int MAX_CACHED_LENGTH = 64;

    private final String[] slots = new String[SLOTS];

    /** The string of {@code data[start, start + length)}, which the caller has checked is ASCII. */
    String get(byte[] data, int start, int length) {
        if (length > MAX_CACHED_LENGTH) return decode(data, start, length);
        int h = length;
        for (int i = start, end = start + length; i < end; i++) h = 31 * h + data[i];
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && matches(cached, data, start, length)) return cached;
        String fresh = decode(data, start, length);
        slots[slot] = fresh;
        return fresh;
    }

    private static boolean matches(String s, byte[] data, int start, int length) {
        if (s.length() != length) return false;
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != data[start + i]) return false;
        }
        return true;
    }

    private static String decode(byte[] data, int start, int length) {
        return new String(data, start, length, StandardCharsets.ISO_8859_1);
    }
}
