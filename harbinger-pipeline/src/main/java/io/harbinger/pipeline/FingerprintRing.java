package io.harbinger.pipeline;

import java.util.Arrays;

/**
 * The fingerprints of one host's last {@value #CAPACITY} accepted records, oldest overwritten
 * first. Immutable: {@link #with} answers a copy (512 bytes, cheap next to the store round trip).
 */
final class FingerprintRing {
    static final int CAPACITY = 64;
    static final FingerprintRing EMPTY = new FingerprintRing(new long[CAPACITY], 0, 0);

    private final long[] slots;
    private final int size;
    private final int next;

    private FingerprintRing(long[] slots, int size, int next) {
        this.slots = slots;
        this.size = size;
        this.next = next;
    }

    /** Rebuilds a ring from its stored form; {@code oldestFirst} holds at most {@value #CAPACITY} entries. */
    static FingerprintRing of(long[] oldestFirst) {
        if (oldestFirst.length > CAPACITY) {
            throw new IllegalArgumentException("a ring holds at most " + CAPACITY + " fingerprints, got " + oldestFirst.length);
        }
        long[] slots = Arrays.copyOf(oldestFirst, CAPACITY);
        return new FingerprintRing(slots, oldestFirst.length, oldestFirst.length % CAPACITY);
    }

    boolean contains(long fingerprint) {
        for (int i = 0; i < size; i++) {
            if (slots[i] == fingerprint) return true;
        }
        return false;
    }

    FingerprintRing with(long fingerprint) {
        long[] copy = slots.clone();
        copy[next] = fingerprint;
        return new FingerprintRing(copy, Math.min(size + 1, CAPACITY), (next + 1) % CAPACITY);
    }

    int size() {
        return size;
    }

    /** The entries, oldest first: the stored form. */
    long[] oldestFirst() {
        long[] out = new long[size];
        int start = size < CAPACITY ? 0 : next;
        for (int i = 0; i < size; i++) out[i] = slots[(start + i) % CAPACITY];
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FingerprintRing other && Arrays.equals(oldestFirst(), other.oldestFirst());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(oldestFirst());
    }

    @Override
    public String toString() {
        return "FingerprintRing" + Arrays.toString(oldestFirst());
    }
}
