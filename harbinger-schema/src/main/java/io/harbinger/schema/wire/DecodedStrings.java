package io.harbinger.schema.wire;

import java.nio.charset.StandardCharsets;

/**
 * A small, per-thread, direct-mapped cache of ASCII strings decoded from batches: measurement, tag
 * and field names and most tag values repeat across records, so the processor reuses one String
 * instead of allocating it again for every record. A miss costs one comparison and replaces the slot.
 */
final class DecodedStrings {
    private static final int SLOTS = 4096;
    private static final ThreadLocal<DecodedStrings> PER_THREAD = ThreadLocal.withInitial(DecodedStrings::new);

    private final String[] slots = new String[SLOTS];

    static DecodedStrings forThisThread() {
        return PER_THREAD.get();
    }

    /** The String of the ASCII bytes {@code buf[from, from + length)}. */
    String ascii(byte[] buf, int from, int length) {
        int h = length;
        for (int i = from; i < from + length; i++) h = 31 * h + buf[i];
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && sameAscii(cached, buf, from, length)) return cached;
        String s = new String(buf, from, length, StandardCharsets.ISO_8859_1);
        slots[slot] = s;
        return s;
    }

    private static boolean sameAscii(String s, byte[] buf, int from, int length) {
        if (s.length() != length) return false;
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != buf[from + i]) return false;
        }
        return true;
    }
}
