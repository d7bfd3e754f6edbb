package io.harbinger.schema.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads wire primitives with bounds checks. The first problem latches a precise message and moves
 * to the end, so later reads fail cheaply and return neutral values; callers check {@link #failed()}
 * before building a domain object. No exception leaves this class for malformed input.
 */
final class BatchReader {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] buf;
    private final int limit;
    private int pos;
    private String error;
    private final DecodedStrings decoded = DecodedStrings.forThisThread();
    /** The batch's string table: each literal's position, and its String once something read it. */
    private String[] strings = new String[16];
    private int[] literalAt = new int[16];
    private int[] literalLength = new int[16];
    private int stringCount;

    BatchReader(byte[] buf) {
        this.buf = buf;
        this.limit = buf.length;
    }

    boolean failed() {
        return error != null;
    }

    String error() {
        return error;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return limit - pos;
    }

    void fail(String detail) {
        if (error == null) error = detail;
        pos = limit;
    }

    int readByte(String what) {
        if (!need(1, what)) return 0;
        return buf[pos++] & 0xFF;
    }

    long readLong(String what) {
        if (!need(8, what)) return 0;
        long v = (long) LONG_LE.get(buf, pos);
        pos += 8;
        return v;
    }

    double readDouble(String what) {
        return Double.longBitsToDouble(readLong(what));
    }

    int readVarint(String what) {
        int start = pos;
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!need(1, what)) return 0;
            int b = buf[pos++];
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (result < 0 || (shift == 28 && (b & 0x70) != 0)) break;
                return result;
            }
        }
        fail("malformed varint for " + what + " at byte " + start + ": longer than 5 bytes or above 2^31-1");
        return 0;
    }

    long readZigZag(String what) {
        int start = pos;
        long z = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (!need(1, what)) return 0;
            long b = buf[pos++];
            z |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (shift == 63 && (b & 0x7E) != 0) break;
                return (z >>> 1) ^ -(z & 1);
            }
        }
        fail("malformed varint for " + what + " at byte " + start + ": longer than 10 bytes");
        return 0;
    }

    /** A count whose items take at least {@code minBytesEach}: bounded by what is left, so garbage cannot make us allocate. */
    int readCount(String what, int minBytesEach) {
        int start = pos;
        int count = readVarint(what);
        if (!failed() && (long) count * minBytesEach > remaining()) {
            fail(what + " " + count + " at byte " + start + " cannot fit in the " + remaining()
                    + " bytes left (each needs at least " + minBytesEach + ")");
            return 0;
        }
        return count;
    }

    String readString(String what) {
        int start = pos;
        int ref = readVarint(what);
        if (failed()) return "";
        if (ref == 0) return readLiteral(what);
        if (ref > stringCount) {
            fail(what + " at byte " + start + " refers to string #" + ref + " but only " + stringCount + " are defined");
            return "";
        }
        String s = strings[ref - 1];
        if (s == null) { // a literal that was skipped: build it now
            int at = pos;
            pos = literalAt[ref - 1];
            s = decodeUtf8(literalLength[ref - 1], what);
            pos = at;
            strings[ref - 1] = s;
        }
        return s;
    }

    /**
     * Steps over a string without building it: a literal is skipped (its UTF-8 is not validated until
     * a later {@link #readString} refers to it) but numbered, so references stay right.
     */
    void skipString(String what) {
        int start = pos;
        int ref = readVarint(what);
        if (failed()) return;
        if (ref == 0) {
            int lengthAt = pos;
            int length = readVarint("string length");
            if (failed()) return;
            if (length > remaining()) {
                fail(what + " length " + length + " at byte " + lengthAt + " exceeds the " + remaining() + " bytes left");
                return;
            }
            addLiteral(null, pos, length);
            pos += length;
        } else if (ref > stringCount) {
            fail(what + " at byte " + start + " refers to string #" + ref + " but only " + stringCount + " are defined");
        }
    }

    void skip(int bytes, String what) {
        if (need(bytes, what)) pos += bytes;
    }

    private void addLiteral(String value, int at, int length) {
        if (stringCount == strings.length) {
            strings = Arrays.copyOf(strings, stringCount * 2);
            literalAt = Arrays.copyOf(literalAt, stringCount * 2);
            literalLength = Arrays.copyOf(literalLength, stringCount * 2);
        }
        strings[stringCount] = value;
        literalAt[stringCount] = at;
        literalLength[stringCount] = length;
        stringCount++;
    }

    private String readLiteral(String what) {
        int lengthAt = pos;
        int length = readVarint("string length");
        if (failed()) return "";
        if (length > remaining()) {
            fail(what + " length " + length + " at byte " + lengthAt + " exceeds the " + remaining() + " bytes left");
            return "";
        }
        String s = decodeUtf8(length, what);
        pos += length;
        if (failed()) return "";
        addLiteral(s, pos - length, length);
        return s;
    }

    private String decodeUtf8(int length, String what) {
        for (int i = pos; i < pos + length; i++) {
            if (buf[i] < 0) return decodeStrictUtf8(length, what);
        }
        return decoded.ascii(buf, pos, length);
    }

    private String decodeStrictUtf8(int length, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, length))
                    .toString();
        } catch (CharacterCodingException e) {
            fail(what + " at byte " + pos + " is not valid UTF-8 (" + e.getMessage() + ")");
            return "";
        }
    }

    private boolean need(int n, String what) {
        if (error != null) return false;
        if (limit - pos >= n) return true;
        fail("truncated at byte " + pos + ": " + what + " needs " + n + " bytes, " + (limit - pos) + " left");
        return false;
    }
}
