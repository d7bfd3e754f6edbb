package io.harbinger.parsers.backblaze;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.ParseResults;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.schema.disk.SmartFields;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the rows of one Drive Stats file straight from its bytes: one pass to find the cells of a row,
 * one over the cells, numbers parsed without a String, and the strings every row repeats (model tag,
 * field names, the date) made once. One instance per file; not thread-safe.
 */
final class RowReader {
    static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final int MODEL_CACHE_SIZE = 32;
    private static final int MAX_EXACT_DIGITS = 18;

    private final byte[] bytes;
    private final Header header;
    private final ParseContext ctx;
    private final boolean fileDated;
    private final long fileDateNanos;
    private final ParseResults results;
    private final int[] cellStart;
    private final int[] cellEnd;
    private final Field[] rowFields;

    private final ModelTags[] modelCache = new ModelTags[MODEL_CACHE_SIZE];
    private int nextModelSlot;
    private int lastYear = -1;
    private int lastMonth;
    private int lastDay;
    private long lastDateNanos;

    // The row being read.
    private long line;
    private String serial;
    private List<Tag> tags;
    private long timestampNanos;
    private int fieldCount;
    private double number;
    private String text;

    /** @param fileDateNanos the file's day at 00:00 UTC, used for every row when {@code fileDated} */
    RowReader(byte[] bytes, Header header, boolean fileDated, long fileDateNanos, ParseContext ctx, int expectedRows) {
        this.bytes = bytes;
        this.header = header;
        this.fileDated = fileDated;
        this.fileDateNanos = fileDateNanos;
        this.ctx = ctx;
        this.results = new ParseResults(expectedRows);
        this.cellStart = new int[header.columns()];
        this.cellEnd = new int[header.columns()];
        this.rowFields = new Field[header.numberColumns];
    }

    /** Reads every line from {@code pos}, which is line number {@code firstLine}; blank lines are skipped. */
    ParseResult readFrom(int pos, long firstLine) {
        line = firstLine;
        while (pos < bytes.length) {
            int end = indexOfNewline(bytes, pos);
            int contentEnd = end > pos && bytes[end - 1] == '\r' ? end - 1 : end;
            if (contentEnd > pos) row(pos, contentEnd);
            pos = end + 1;
            line++;
        }
        return results.result();
    }

    static int indexOfNewline(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') return i;
        }
        return bytes.length;
    }

    private void row(int start, int end) {
        if (end - start > ctx.limits().maxLineBytes()) {
            reject(RejectReason.LINE_TOO_LONG, "the line is " + (end - start) + " bytes long, at most " + ctx.limits().maxLineBytes() + " allowed");
            return;
        }
        int cells = split(start, end);
        if (cells != header.columns()) {
            reject(RejectReason.MALFORMED, "the row has " + cells + " columns, the header has " + header.columns());
            return;
        }
        serial = "";
        tags = List.of();
        timestampNanos = fileDateNanos;
        fieldCount = 0;
        for (int c = 0; c < cells; c++) {
            if (!cell(c, cellStart[c], cellEnd[c])) return;
        }
        emit();
    }

    /** Records the cell bounds of the row; @return how many cells it has */
    private int split(int start, int end) {
        int columns = header.columns();
        int cell = 0;
        int cellFrom = start;
        for (int i = start; i < end; i++) {
            if (bytes[i] != ',') continue;
            if (cell < columns) {
                cellStart[cell] = cellFrom;
                cellEnd[cell] = i;
            }
            cell++;
            cellFrom = i + 1;
        }
        if (cell < columns) {
            cellStart[cell] = cellFrom;
            cellEnd[cell] = end;
        }
        return cell + 1;
    }

    /** @return false when the row was refused because of this cell */
    private boolean cell(int c, int start, int end) {
        return switch (header.kinds[c]) {
            case Header.NUMBER -> start == end || numberCell(c, start, end);
            case Header.FAILURE -> start == end || failureCell(c, start, end);
            case Header.SERIAL -> serialCell(c, start, end);
            case Header.MODEL -> modelCell(c, start, end);
            case Header.DATE -> fileDated || dateCell(c, start, end);
            default -> true;
        };
    }

    private boolean numberCell(int c, int start, int end) {
        if (!readNumber(start, end)) return rejectCell(c, start, end, "is not a number");
        rowFields[fieldCount++] = new Field(header.fieldNames[c], number);
        return true;
    }

    private boolean failureCell(int c, int start, int end) {
        if (!readNumber(start, end) || (number != 0 && number != 1)) return rejectCell(c, start, end, "is not 0 or 1");
        rowFields[fieldCount++] = new Field(header.fieldNames[c], number);
        return true;
    }

    private boolean serialCell(int c, int start, int end) {
        if (start == end) {
            reject(RejectReason.MISSING_DRIVE, "column '" + header.names[c] + "' is empty: the serial number identifies the drive");
            return false;
        }
        if (!readText(c, start, end)) return false;
        serial = text;
        return true;
    }

    /** A model's bytes and its (immutable, shared) tag list. */
    private record ModelTags(byte[] model, List<Tag> tags) {
    }

    private boolean modelCell(int c, int start, int end) {
        if (start == end) return true;
        for (int slot = 0; slot < MODEL_CACHE_SIZE && modelCache[slot] != null; slot++) {
            byte[] model = modelCache[slot].model();
            if (Arrays.equals(bytes, start, end, model, 0, model.length)) {
                tags = modelCache[slot].tags();
                return true;
            }
        }
        if (!readText(c, start, end)) return false;
        tags = List.of(new Tag(SmartFields.TAG_MODEL, text));
        modelCache[nextModelSlot] = new ModelTags(Arrays.copyOfRange(bytes, start, end), tags);
        nextModelSlot = (nextModelSlot + 1) % MODEL_CACHE_SIZE;
        return true;
    }

    private boolean dateCell(int c, int start, int end) {
        if (!readDate(start, end)) return rejectCell(c, start, end, "is not a date yyyy-MM-dd or yyyy/M/d between 1970 and 2262");
        timestampNanos = lastDateNanos;
        return true;
    }

    private void emit() {
        if (fieldCount == 0) {
            reject(RejectReason.NO_FIELDS, "failure, capacity_bytes and every SMART column are empty");
            return;
        }
        String host = ctx.defaultHost().isEmpty() ? serial : ctx.defaultHost();
        List<Field> fields = Arrays.asList(Arrays.copyOf(rowFields, fieldCount));
        Point point = new Point(SmartFields.MEASUREMENT, ctx.defaultRegion(), host, serial, tags, fields, timestampNanos);
        Rejection admission = ctx.admit(point, line);
        if (admission == null) {
            results.accept(point);
        } else {
            results.reject(admission);
        }
    }

    /** Parses {@code -?digits(.digits)?([eE][+-]?digits)?} into {@link #number}; exact for integers. */
    private boolean readNumber(int start, int end) {
        int i = start < end && bytes[start] == '-' ? start + 1 : start;
        int integerStart = i;
        long mantissa = 0;
        for (; i < end && isDigit(bytes[i]); i++) mantissa = mantissa * 10 + (bytes[i] - '0');
        if (i == integerStart) return false;
        boolean exact = i - integerStart <= MAX_EXACT_DIGITS;
        if (i < end && bytes[i] == '.') {
            int fractionStart = ++i;
            for (; i < end && isDigit(bytes[i]); i++) exact &= bytes[i] == '0';
            if (i == fractionStart) return false;
        }
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            exact = false;
            i = i + 1 < end && (bytes[i + 1] == '+' || bytes[i + 1] == '-') ? i + 2 : i + 1;
            int exponentStart = i;
            while (i < end && isDigit(bytes[i])) i++;
            if (i == exponentStart) return false;
        }
        if (i != end) return false;
        number = exact ? (start == integerStart ? mantissa : -mantissa)
                : Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** {@code yyyy-MM-dd} or {@code yyyy/M/d} into {@link #lastDateNanos}, reusing the previous row's day. */
    private boolean readDate(int start, int end) {
        if (end - start < 8 || end - start > 10) return false;
        int year = digits(start, start + 4);
        byte separator = bytes[start + 4];
        if (year < 0 || (separator != '-' && separator != '/')) return false;
        int monthEnd = start + 5;
        while (monthEnd < end && bytes[monthEnd] != separator) monthEnd++;
        if (monthEnd - (start + 5) > 2 || end - (monthEnd + 1) > 2) return false;
        int month = digits(start + 5, monthEnd);
        int day = digits(monthEnd + 1, end);
        if (month < 0 || day < 0) return false;
        if (year == lastYear && month == lastMonth && day == lastDay) return true;
        if (year < 1970 || !BackblazeFiles.isDate(year, month, day)) return false;
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        if (epochDay > Long.MAX_VALUE / NANOS_PER_DAY) return false;
        lastYear = year;
        lastMonth = month;
        lastDay = day;
        lastDateNanos = epochDay * NANOS_PER_DAY;
        return true;
    }

    /** @return the value of the decimal digits {@code [start, end)}, or -1 if empty or not all digits */
    private int digits(int start, int end) {
        if (start >= end) return -1;
        int value = 0;
        for (int i = start; i < end; i++) {
            if (!isDigit(bytes[i])) return -1;
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }

    /** Decodes a text cell into {@link #text}: ASCII directly, anything else strictly as UTF-8. */
    private boolean readText(int c, int start, int end) {
        if (end - start > ctx.limits().maxNameBytes()) {
            reject(RejectReason.MALFORMED, "column '" + header.names[c] + "' is " + (end - start) + " bytes long, at most "
                    + ctx.limits().maxNameBytes() + " allowed");
            return false;
        }
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) return readUtf8(c, start, end);
        }
        text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        return true;
    }

    private boolean readUtf8(int c, int start, int end) {
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            return true;
        } catch (CharacterCodingException e) {
            reject(RejectReason.INVALID_UTF8, "column '" + header.names[c] + "' is not valid UTF-8");
            return false;
        }
    }

    private boolean rejectCell(int c, int start, int end, String problem) {
        String value = new String(bytes, start, Math.min(end - start, 40), StandardCharsets.UTF_8);
        reject(RejectReason.MALFORMED, "column '" + header.names[c] + "': '" + value + (end - start > 40 ? "...'" : "'") + " " + problem);
        return false;
    }

    private void reject(RejectReason reason, String detail) {
        results.reject(new Rejection(reason, line, detail));
    }
}
