package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.text.ControlCharacters;

import java.nio.charset.StandardCharsets;

/** Renders pieces of a line for rejection details: quoted, shortened, control characters made visible. */
final class Snippet {
    private static final int MAX_CHARS = 48;

    private Snippet() {
    }

    /** {@code 'temp'}: the bytes as sent (escapes included), at most {@value #MAX_CHARS} characters. */
    static String quoted(byte[] b, int from, int to) {
        String text = new String(b, from, Math.min(to - from, MAX_CHARS * 4), StandardCharsets.UTF_8);
        return quoted(text);
    }

    static String quoted(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 4).append('\'');
        int n = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) sb.append(String.format("\\x%02X", (int) c));
            else if (ControlCharacters.isControl(c)) sb.append(String.format("\\u%04X", (int) c));
            else sb.append(c);
        }
        if (text.length() > n) sb.append("...");
        return sb.append('\'').toString();
    }

    /** What was found at {@code i}: {@code ','}, {@code byte 0xC3}, or {@code the end of the line}. */
    static String found(byte[] b, int i, int end) {
        if (i >= end) return "the end of the line";
        int c = b[i] & 0xFF;
        if (c == ' ') return "a space";
        if (c > 0x20 && c < 0x7F) return "'" + (char) c + "'";
        return String.format("byte 0x%02X", c);
    }
}
