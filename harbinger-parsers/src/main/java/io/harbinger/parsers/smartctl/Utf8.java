package io.harbinger.parsers.smartctl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 validation (no overlongs, no surrogates) without decoding the common ASCII case. */
final class Utf8 {
    private static final int NONE = -1;

    private Utf8() {
    }

    /** @return offset of the first byte of the first malformed sequence, or -1 when {@code bytes} is valid UTF-8 */
    static int firstMalformed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && bytes[i] >= 0) i++;
        return i == bytes.length ? NONE : decodeFrom(bytes, i);
    }

    private static int decodeFrom(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) return in.position();
            if (result.isUnderflow()) return decoder.flush(out).isError() ? in.position() : NONE;
            out.clear();
        }
    }

    /** 1-based line of byte {@code offset}, for messages. */
    static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }
}
