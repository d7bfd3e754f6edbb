package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;

import java.util.Objects;

/**
 * A strict, allocation-lean parser for InfluxDB line protocol, the format Telegraf writes:
 * <pre>{@code
 * measurement[,tag_key=tag_value...] field_key=field_value[,field_key=field_value...] [timestamp]
 * }</pre>
 *
 * <h2>What is accepted</h2>
 * <ul>
 *   <li>Lines end with {@code \n}; a {@code \r} before it is tolerated, as are leading and trailing
 *       spaces and tabs. Blank lines and lines starting with {@code #} are skipped. A raw newline
 *       always ends a line, even inside a quoted string (unlike InfluxDB 1.x).</li>
 *   <li>Escapes: {@code \,} and {@code \ } in measurements; {@code \,}, {@code \ } and {@code \=} in tag
 *       keys, tag values and field keys; {@code \\} is one backslash everywhere (line protocol 2.x rule);
 *       any other backslash is a literal backslash. {@code \"} and {@code \\} inside string values.</li>
 *   <li>Field values: floats ({@code -1.5}, {@code 1e-05}, {@code .5}; sign {@code -} only), integers
 *       {@code 42i} (int64 range), unsigned {@code 42u} (uint64 range), booleans {@code t T true True TRUE}
 *       (1) and {@code f F false False FALSE} (0). All are carried as doubles.</li>
 *   <li><b>String field values are dropped</b>: they are validated but not stored (Harbinger stores numbers
 *       only). A line whose fields are all strings is rejected {@code UNSUPPORTED}.</li>
 *   <li>The optional timestamp is an integer in the given {@link Precision}, scaled to epoch nanoseconds;
 *       one that does not fit 64-bit nanoseconds is {@code MALFORMED}. Without one, the point gets
 *       {@link ParseContext#nowNanos()}.</li>
 *   <li>Routing tags: {@code region} and {@code host} (Telegraf's names; {@code hostname} and the like stay
 *       ordinary tags) become the point's region and host and leave its tags; without them the context's
 *       defaults apply, and a point with no host at all is rejected {@code MISSING_HOST}. The drive is the
 *       value of the first present of the tags {@code serial}, {@code drive}, {@code disk}, {@code device}
 *       (it stays a tag too), else empty.</li>
 * </ul>
 *
 * <h2>What is rejected</h2>
 * Every bad line becomes a {@link io.harbinger.core.parse.Rejection} with its 1-based line number and a
 * detail starting {@code column N:} (the 1-based byte offset in the line where parsing went wrong), then
 * what was expected, e.g. {@code column 17: expected '=' after field key 'temp', found ','}. Parsing goes
 * on with the next line, so a {@code Rejected} result lists the first bad lines and counts all of them.
 * Reasons: {@code LINE_TOO_LONG} (longer than {@code maxLineBytes}; not parsed), {@code INVALID_UTF8}
 * (any ill-formed byte sequence in the line), {@code CONTROL_CHARACTER} (a NUL, tab, escape or other
 * control character in the measurement, a tag key or value, or a field key), {@code NO_FIELDS}, {@code NON_FINITE_VALUE} (NaN, inf or a
 * float overflowing a double), {@code UNSUPPORTED} (only string fields), {@code MISSING_HOST},
 * {@code TOO_MANY_TAGS}/{@code TOO_MANY_FIELDS}, timestamp window reasons from
 * {@link ParseContext#admit}, and {@code MALFORMED} for syntax errors, duplicate tag or field keys, empty
 * tag values, unescaped {@code =} in tag values, out-of-range numbers and names longer than
 * {@code maxNameBytes}.
 *
 * <p>Pure: bytes and a context in, a result out; no clock, no I/O. Thread-safe (all state is per call).
 * Repeated names and tags within one body share one instance each.
 */
public final class LineProtocolParser {
    private LineProtocolParser() {
    }

    /**
     * Parses {@code body[offset, offset + length)}. Never throws on any content of the body; every
     * outcome is {@link ParseResult.Accepted} or {@link ParseResult.Rejected}. An empty body is
     * accepted with no points.
     *
     * @throws NullPointerException      if an argument is null (a caller bug, not bad input)
     * @throws IndexOutOfBoundsException if the range is not inside {@code body}
     */
    public static ParseResult parse(byte[] body, int offset, int length, Precision precision, ParseContext ctx) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(ctx, "ctx");
        Objects.checkFromIndexSize(offset, length, body.length);
        return new BodyParser(body, offset, length, precision, ctx).parse();
    }
}
