package io.harbinger.store.rows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array with big-endian primitives (COPY binary is network order). */
final class Bytes {
    private byte[] buf;
    private int size;

    Bytes(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    int size() {
        return size;
    }

    void put(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void putShort(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void putInt(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    /** Overwrites 4 bytes at {@code at} (a length written before its content was known). */
    void setInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    /** Appends {@code s} as UTF-8 (ASCII fast path); returns the number of bytes written. */
    int putUtf8(String s) {
        int start = size;
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                size = start;
                put(s.getBytes(StandardCharsets.UTF_8));
                return size - start;
            }
            buf[size++] = (byte) c;
        }
        return n;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
}
