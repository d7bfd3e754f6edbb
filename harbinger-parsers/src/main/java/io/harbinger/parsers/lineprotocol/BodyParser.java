package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.text.Utf8;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.ParseResults;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;

/**
 * Walks a body line by line: splits, enforces the line length, validates UTF-8 (only for lines that
 * are not pure ASCII), skips blank and comment lines and hands the rest to the {@link PointParser}.
 */
final class BodyParser {
    /** A first guess of how many lines a body holds (the workload's lines are ~200 bytes). */
    private static final int BYTES_PER_LINE_GUESS = 128;
    private static final int MAX_INITIAL_CAPACITY = 1 << 16;

    private final byte[] buf;
    private final int offset;
    private final int limit;
    private final int maxLineBytes;
    private final LineSplitter splitter = new LineSplitter();
    private final PointParser points;

    BodyParser(byte[] buf, int offset, int length, Precision precision, ParseContext ctx) {
        this.buf = buf;
        this.offset = offset;
        this.limit = offset + length;
        this.maxLineBytes = ctx.limits().maxLineBytes();
        this.points = new PointParser(buf, precision, ctx);
    }

    ParseResult parse() {
        ParseResults results = new ParseResults(Math.min((limit - offset) / BYTES_PER_LINE_GUESS + 1, MAX_INITIAL_CAPACITY));
        long lineNo = 0;
        int pos = offset;
        while (pos < limit) {
            lineNo++;
            int newline = splitter.lineEnd(buf, pos, limit);
            line(lineNo, pos, newline, results);
            pos = newline + 1;
        }
        return results.result();
    }

    private void line(long lineNo, int from, int to, ParseResults out) {
        int length = to > from && buf[to - 1] == '\r' ? to - from - 1 : to - from;
        if (length > maxLineBytes) {
            out.reject(new Rejection(RejectReason.LINE_TOO_LONG, lineNo,
                    "column " + (maxLineBytes + 1) + ": the line is " + length + " bytes long, at most " + maxLineBytes + " allowed"));
            return;
        }
        if (!splitter.lastLineAscii()) {
            int bad = Utf8.firstInvalid(buf, from, to);
            if (bad != Utf8.VALID) {
                out.reject(new Rejection(RejectReason.INVALID_UTF8, lineNo, "column " + (bad - from + 1)
                        + ": " + String.format("byte 0x%02X", buf[bad] & 0xFF) + " does not start a valid UTF-8 sequence (line protocol must be UTF-8)"));
                return;
            }
        }
        int start = from;
        while (start < to && isBlank(buf[start])) start++;
        int end = to;
        while (end > start && (isBlank(buf[end - 1]) || buf[end - 1] == '\r')) end--;
        if (start == end || buf[start] == '#') return;
        points.parse(lineNo, from, start, end, out);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }
}
