package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResults;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.DriveTags;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.core.text.ControlCharacters;
import static io.harbinger.core.parse.RejectReason.MALFORMED;
import static io.harbinger.core.parse.RejectReason.NO_FIELDS;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses one line (already split, length-checked, UTF-8-validated and trimmed) into a point, or a
 * rejection naming the column. Positions are indexes into the body; {@link #FAILED} means the
 * rejection is in {@link #rejection}. One instance per parse call: it keeps scratch arrays and the
 * name caches between lines.
 */
final class PointParser {
    private static final int FAILED = -1;
    private static final int MEASUREMENT = 1;
    private static final int TAG_KEY = 2;
    private static final int TAG_VALUE = 4;
    private static final int FIELD_KEY = 8;
    private static final int ESCAPE = 16;
    /** Per byte: in which token contexts it ends the token, or that it escapes the next byte. */
    private static final byte[] CLASSES = new byte[256];
    /** Beyond this many fields, duplicate keys are found with a hash set instead of pairwise. */
    private static final int PAIRWISE_DUPLICATE_CHECK_MAX = 16;

    static {
        CLASSES[','] = MEASUREMENT | TAG_KEY | TAG_VALUE | FIELD_KEY;
        CLASSES[' '] = MEASUREMENT | TAG_KEY | TAG_VALUE | FIELD_KEY;
        CLASSES['='] = TAG_KEY | TAG_VALUE | FIELD_KEY;
        CLASSES['\\'] = ESCAPE;
    }

    private final byte[] buf;
    private final ParseContext ctx;
    private final IngestLimits limits;
    private final Precision precision;
    private final Names names;
    private final ByteKeyCache<Tag> tagCache = new ByteKeyCache<>(512);
    private final FieldValueParser values = new FieldValueParser();
    private Tag[] tags = new Tag[8];
    private Field[] fields = new Field[16];
    private final Set<String> manyFieldNames = new HashSet<>();
    private boolean usingFieldNameSet;

    // the current line
    private long lineNo;
    private int lineStart;
    private int end;
    private Rejection rejection;
    private boolean escaped;
    private String name;
    private String measurement;
    private String region;
    private String host;
    private String drive;
    private int driveRank;
    private int tagCount;
    private int fieldCount;
    private int stringFieldCount;
    private int tagsAt;
    private int fieldsAt;
    private int timestampAt;
    private long timestampNanos;

    PointParser(byte[] buf, Precision precision, ParseContext ctx) {
        this.buf = buf;
        this.precision = precision;
        this.ctx = ctx;
        this.limits = ctx.limits();
        this.names = new Names(buf);
    }

    /**
     * Parses {@code buf[from, to)}, line {@code lineNo} starting at {@code lineStart} (columns count
     * from there), and hands the point or the rejection to {@code out}.
     */
    void parse(long lineNo, int lineStart, int from, int to, ParseResults out) {
        begin(lineNo, lineStart, from, to);
        if (parseLine(from)) emit(out);
        else out.reject(rejection);
    }

    private void begin(long lineNo, int lineStart, int from, int to) {
        this.lineNo = lineNo;
        this.lineStart = lineStart;
        this.end = to;
        region = "";
        host = "";
        drive = "";
        driveRank = WellKnownTags.NONE;
        tagCount = 0;
        fieldCount = 0;
        stringFieldCount = 0;
        if (usingFieldNameSet) {
            manyFieldNames.clear();
            usingFieldNameSet = false;
        }
        tagsAt = from;
        fieldsAt = from;
        timestampAt = from;
    }

    private boolean parseLine(int from) {
        int p = parseMeasurement(from);
        if (p != FAILED && buf[p] == ',') p = parseTags(p);
        if (p == FAILED) return false;
        p = skipSpaces(p);
        if (p == end) return fail(NO_FIELDS, p, "expected a field set after the space, found the end of the line");
        fieldsAt = p;
        p = parseFields(p);
        return p != FAILED && parseTimestamp(p);
    }

    private int parseMeasurement(int from) {
        int stop = scan(from, MEASUREMENT);
        if (stop == from) return failAt(MALFORMED, from, "expected a measurement name, found " + found(from));
        if (stop == end) {
            return failAt(NO_FIELDS, stop, "expected a space and a field set after measurement " + Snippet.quoted(buf, from, stop) + ", found the end of the line");
        }
        if (!resolveName(from, stop, escaped, MEASUREMENT, "measurement")) return FAILED;
        measurement = name;
        return stop;
    }

    /** {@code p} is at the ',' after the measurement; returns the index of the space after the tag set. */
    private int parseTags(int p) {
        tagsAt = p + 1;
        do {
            int keyFrom = p + 1;
            int keyStop = scan(keyFrom, TAG_KEY);
            boolean keyEscaped = escaped;
            if (keyStop == keyFrom) return failAt(MALFORMED, keyFrom, "expected a tag key after ',', found " + found(keyFrom));
            if (keyStop == end || buf[keyStop] != '=') {
                return failAt(MALFORMED, keyStop, "expected '=' after tag key " + Snippet.quoted(buf, keyFrom, keyStop) + ", found " + found(keyStop));
            }
            int valueFrom = keyStop + 1;
            int valueStop = scan(valueFrom, TAG_VALUE);
            if (valueStop == valueFrom) {
                return failAt(MALFORMED, valueFrom, "expected a value for tag " + Snippet.quoted(buf, keyFrom, keyStop) + ", found " + found(valueFrom));
            }
            if (valueStop < end && buf[valueStop] == '=') {
                return failAt(MALFORMED, valueStop, "unescaped '=' in the value of tag " + Snippet.quoted(buf, keyFrom, keyStop) + " (write it as '\\=')");
            }
            if (!addTag(keyFrom, keyStop, keyEscaped, valueFrom, valueStop, escaped)) return FAILED;
            p = valueStop;
        } while (p < end && buf[p] == ',');
        if (p == end) return failAt(NO_FIELDS, p, "expected a space and a field set after the tag set, found the end of the line");
        return p;
    }

    private boolean addTag(int keyFrom, int keyStop, boolean keyEscaped, int valueFrom, int valueStop, boolean valueEscaped) {
        int routing = keyEscaped ? WellKnownTags.NONE : WellKnownTags.routingKey(buf, keyFrom, keyStop - keyFrom);
        if (routing != WellKnownTags.NONE) return addRoutingTag(routing, keyFrom, keyStop, valueFrom, valueStop, valueEscaped);
        int rawLength = valueStop - keyFrom;
        Tag tag = tagCache.get(buf, keyFrom, rawLength);
        if (tag == null) {
            if (!resolveName(keyFrom, keyStop, keyEscaped, TAG_KEY, "tag key")) return false;
            String key = name;
            if (!resolveName(valueFrom, valueStop, valueEscaped, TAG_VALUE, "tag value")) return false;
            tag = tagCache.put(buf, keyFrom, rawLength, new Tag(key, name));
        }
        for (int i = 0; i < tagCount; i++) {
            if (tags[i].key().equals(tag.key())) return fail(MALFORMED, keyFrom, "duplicate tag key " + Snippet.quoted(tag.key()));
        }
        if (tagCount + 2 >= limits.maxTags()) {
            return fail(RejectReason.TOO_MANY_TAGS, keyFrom,
                    "more than " + limits.maxTags() + " tags (region and host included), at most " + limits.maxTags() + " allowed");
        }
        if (tagCount == tags.length) tags = Arrays.copyOf(tags, tagCount * 2);
        tags[tagCount++] = tag;
        int rank = DriveTags.rank(tag.key());
        if (rank < driveRank) {
            driveRank = rank;
            drive = tag.value();
        }
        return true;
    }

    private boolean addRoutingTag(int routing, int keyFrom, int keyStop, int valueFrom, int valueStop, boolean valueEscaped) {
        boolean isHost = routing == WellKnownTags.HOST;
        if (!(isHost ? host : region).isEmpty()) return fail(MALFORMED, keyFrom, "duplicate tag key " + Snippet.quoted(buf, keyFrom, keyStop));
        if (!resolveName(valueFrom, valueStop, valueEscaped, TAG_VALUE, "tag value")) return false;
        if (isHost) host = name;
        else region = name;
        return true;
    }

    /** {@code p} is at the first field key; returns the index after the last field value (end of line or a space). */
    private int parseFields(int p) {
        while (true) {
            int keyStop = scan(p, FIELD_KEY);
            if (keyStop == p) return failAt(MALFORMED, p, "expected a field key, found " + found(p));
            if (keyStop == end || buf[keyStop] != '=') {
                return failAt(MALFORMED, keyStop, "expected '=' after field key " + Snippet.quoted(buf, p, keyStop) + ", found " + found(keyStop));
            }
            if (!resolveName(p, keyStop, escaped, FIELD_KEY, "field key")) return FAILED;
            String key = name;
            int valueFrom = keyStop + 1;
            int next = valueFrom < end && buf[valueFrom] == '"' ? skipString(valueFrom, key) : parseValue(valueFrom, p, key);
            if (next == FAILED || next == end || buf[next] == ' ') return next;
            if (buf[next] != ',') {
                return failAt(MALFORMED, next, "expected ',' or a space after the value of field " + Snippet.quoted(key) + ", found " + found(next));
            }
            p = next + 1;
        }
    }

    private int parseValue(int from, int keyFrom, String key) {
        int stop = from;
        while (stop < end && buf[stop] != ',' && buf[stop] != ' ') stop++;
        if (stop == from) return failAt(MALFORMED, from, "expected a value for field " + Snippet.quoted(key) + ", found " + found(from));
        return switch (values.parse(buf, from, stop)) {
            case NUMBER -> addField(keyFrom, key, values.value()) ? stop : FAILED;
            case NON_FINITE -> failAt(RejectReason.NON_FINITE_VALUE, from,
                    "field " + Snippet.quoted(key) + " is " + Snippet.quoted(buf, from, stop) + ", expected a finite number");
            case INVALID -> failAt(MALFORMED, values.errorAt(), "invalid value " + Snippet.quoted(buf, from, stop) + " for field "
                    + Snippet.quoted(key) + ": expected " + values.expected() + ", found " + found(values.errorAt()));
        };
    }

    /** String values are validated and dropped; returns the index after the closing quote. */
    private int skipString(int quote, String key) {
        for (int i = quote + 1; i < end; i++) {
            byte c = buf[i];
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                stringFieldCount++;
                return i + 1;
            }
        }
        return failAt(MALFORMED, quote, "unterminated string value of field " + Snippet.quoted(key) + ": expected a closing '\"' before the end of the line");
    }

    private boolean addField(int keyFrom, String key, double value) {
        if (fieldCount == limits.maxFields()) {
            return fail(RejectReason.TOO_MANY_FIELDS, keyFrom, "more than " + limits.maxFields() + " fields, at most " + limits.maxFields() + " allowed");
        }
        if (isDuplicateField(key)) return fail(MALFORMED, keyFrom, "duplicate field key " + Snippet.quoted(key));
        if (fieldCount == fields.length) fields = Arrays.copyOf(fields, fieldCount * 2);
        fields[fieldCount++] = new Field(key, value);
        return true;
    }

    private boolean isDuplicateField(String key) {
        if (fieldCount < PAIRWISE_DUPLICATE_CHECK_MAX) {
            for (int i = 0; i < fieldCount; i++) {
                if (fields[i].name().equals(key)) return true;
            }
            return false;
        }
        if (!usingFieldNameSet) {
            for (int i = 0; i < fieldCount; i++) manyFieldNames.add(fields[i].name());
            usingFieldNameSet = true;
        }
        return !manyFieldNames.add(key);
    }

    /** {@code p} is at the end of the line or at the space after the field set. */
    private boolean parseTimestamp(int p) {
        p = skipSpaces(p);
        if (p == end) {
            timestampNanos = ctx.nowNanos();
            return true;
        }
        timestampAt = p;
        boolean negative = buf[p] == '-';
        int digitsFrom = negative ? p + 1 : p;
        int i = digitsFrom;
        long units = 0;
        for (; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) break;
            units = units * 10 + d;
        }
        if (i == digitsFrom) {
            return fail(MALFORMED, i, "expected a timestamp (integer " + unitName() + " since the epoch), found " + found(i));
        }
        if (i != end) return fail(MALFORMED, i, "expected the end of the line after the timestamp, found " + found(i));
        if (!Timestamps.fitsLong(buf, digitsFrom, i)) {
            return fail(MALFORMED, p, "timestamp " + Snippet.quoted(buf, p, i) + " does not fit a signed 64-bit integer");
        }
        if (units > Long.MAX_VALUE / precision.nanosPerUnit()) {
            return fail(MALFORMED, p, "timestamp " + Snippet.quoted(buf, p, i) + " in " + unitName()
                    + " overflows 64-bit epoch nanoseconds (representable: 1677-09-21 to 2262-04-11)");
        }
        timestampNanos = (negative ? -units : units) * precision.nanosPerUnit();
        return true;
    }

    private String unitName() {
        return precision.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void emit(ParseResults out) {
        if (fieldCount == 0) {
            out.reject(rejection(RejectReason.UNSUPPORTED, fieldsAt, "all " + stringFieldCount
                    + " field(s) are strings; string fields are not stored, so the line has no value to keep (send numbers or booleans)"));
            return;
        }
        String pointHost = host.isEmpty() ? ctx.defaultHost() : host;
        if (pointHost.isEmpty()) {
            out.reject(rejection(RejectReason.MISSING_HOST, tagsAt, "no 'host' tag, and the request names no default host"));
            return;
        }
        Point point = new Point(measurement, region.isEmpty() ? ctx.defaultRegion() : region, pointHost, drive,
                List.of(Arrays.copyOf(tags, tagCount)), List.of(Arrays.copyOf(fields, fieldCount)), timestampNanos);
        Rejection refused = ctx.admit(point, lineNo);
        if (refused == null) out.accept(point);
        else out.reject(rejection(refused.reason(), columnOf(refused.reason()), refused.detail()));
    }

    /** Where an admission rejection points: the tag set, the field set or the timestamp. */
    private int columnOf(RejectReason reason) {
        return switch (reason) {
            case TOO_MANY_TAGS -> tagsAt;
            case TIMESTAMP_TOO_OLD, TIMESTAMP_TOO_NEW -> timestampAt;
            default -> fieldsAt;
        };
    }

    /**
     * Unescapes {@code buf[from, to)} if needed, checks its length and that it holds no control character
     * (here rather than only in {@link ParseContext#admit}, to name the column), and interns it into {@link #name}.
     *
     * @param what for the detail: "measurement", "tag key", ...
     */
    private boolean resolveName(int from, int to, boolean hasEscapes, int context, String what) {
        int length = names.prepare(from, to, hasEscapes, context == MEASUREMENT);
        if (length > limits.maxNameBytes()) {
            return fail(MALFORMED, from, what + " " + Snippet.quoted(buf, from, to) + " is " + length + " bytes long, at most "
                    + limits.maxNameBytes() + " allowed");
        }
        int control = ControlCharacters.firstIn(buf, from, to);
        if (control != ControlCharacters.NONE) {
            char c = (char) (buf[control] == (byte) 0xC2 ? buf[control + 1] & 0xFF : buf[control] & 0xFF);
            return fail(RejectReason.CONTROL_CHARACTER, control, what + " " + Snippet.quoted(buf, from, to) + " holds the control character "
                    + ControlCharacters.codePoint(c) + "; names and tag values must be printable");
        }
        name = names.intern();
        return true;
    }

    /** @return the index of the first byte ending a token of {@code context}, or {@link #end}; sets {@link #escaped} */
    private int scan(int from, int context) {
        boolean sawEscape = false;
        int i = from;
        for (; i < end; i++) {
            int cls = CLASSES[buf[i] & 0xFF];
            if (cls == 0) continue;
            if ((cls & context) != 0) break;
            if (cls == ESCAPE) {
                sawEscape = true;
                i++;
            }
        }
        escaped = sawEscape;
        return Math.min(i, end);
    }

    private int skipSpaces(int p) {
        while (p < end && buf[p] == ' ') p++;
        return p;
    }

    private String found(int i) {
        return Snippet.found(buf, i, end);
    }

    private boolean fail(RejectReason reason, int at, String what) {
        rejection = rejection(reason, at, what);
        return false;
    }

    private int failAt(RejectReason reason, int at, String what) {
        rejection = rejection(reason, at, what);
        return FAILED;
    }

    private Rejection rejection(RejectReason reason, int at, String what) {
        return new Rejection(reason, lineNo, "column " + (at - lineStart + 1) + ": " + what);
    }
}
