package io.harbinger.schema.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends wire primitives to a growable buffer; one instance per encoded batch (not thread-safe). */
final class BatchWriter {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final StringTable strings;
    private byte[] buf;
    private int pos;

    /** Sized up front so that a typical batch neither grows its buffer nor rehashes its string table. */
    BatchWriter(int capacityHint, int expectedStrings) {
        buf = new byte[Math.max(32, capacityHint)];
        strings = new StringTable(expectedStrings);
    }

    int position() {
        return pos;
    }

    byte[] buffer() {
        return buf;
    }

    byte[] toByteArray() {
        return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
    }

    void writeByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    void writeLong(long v) {
        ensure(8);
        LONG_LE.set(buf, pos, v);
        pos += 8;
    }

    void setLong(int at, long v) {
        LONG_LE.set(buf, at, v);
    }

    void writeDouble(double v) {
        writeLong(Double.doubleToRawLongBits(v));
    }

    /** Unsigned LEB128 of a non-negative int. */
    void writeVarint(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    /** Zig-zag then LEB128, so small negative deltas stay small. */
    void writeZigZag(long v) {
        ensure(10);
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((z & 0x7F) | 0x80);
            z >>>= 7;
        }
        buf[pos++] = (byte) z;
    }

    /**
     * A string is either a back-reference {@code n >= 1} to the n-th distinct string of this batch,
     * or {@code 0} followed by its UTF-8 length and bytes (which then becomes the next entry).
     */
    void writeString(String s) {
        int ref = strings.referenceOrAdd(s);
        if (ref != 0) {
            writeVarint(ref);
            return;
        }
        writeByte(0);
        writeUtf8(s);
    }

    private void writeUtf8(String s) {
        int n = s.length();
        int start = pos;
        writeVarint(n);
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                pos = start;
                writeBytes(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            buf[pos++] = (byte) c;
        }
    }

    private void writeBytes(byte[] bytes) {
        writeVarint(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
    }
}
