package io.harbinger.store.rows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** COPY text: columns separated by tabs, rows by newlines, {@code \N} for NULL, backslash escapes. */
final class TextColumnWriter implements CopyEncoding.EncodingWriter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSx").withZone(ZoneOffset.UTC);

    private final StringBuilder out;
    private boolean first;

    TextColumnWriter(int capacity) {
        out = new StringBuilder(capacity);
    }

    @Override
    public void beginRow(int columns) {
        first = true;
    }

    private StringBuilder next() {
        if (!first) out.append('\t');
        first = false;
        return out;
    }

    @Override
    public void text(String value) {
        escape(next(), value);
    }

    @Override
    public void int8(long value) {
        next().append(value);
    }

    @Override
    public void float4(float value) {
        next().append(value);
    }

    @Override
    public void float8(double value) {
        next().append(value); // Double.toString round-trips; PostgreSQL reads its exponent form (1.0E-5)
    }

    @Override
    public void bool(boolean value) {
        next().append(value ? 't' : 'f');
    }

    @Override
    public void timestamptz(long epochMicros) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000L);
        TIMESTAMP.formatTo(instant, next());
    }

    @Override
    public void jsonb(String json) {
        escape(next(), json);
    }

    @Override
    public void nullValue() {
        next().append("\\N");
    }

    @Override
    public void endRow() {
        out.append('\n');
    }

    @Override
    public byte[] finish() {
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
