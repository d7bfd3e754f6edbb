package io.harbinger.parsers.backblaze;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.schema.disk.SmartFields;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A Backblaze Drive Stats daily CSV becomes one point per row, measurement
 * {@value SmartFields#MEASUREMENT}, with the field names smartctl reports get ({@link SmartFields}).
 *
 * <ul>
 *   <li>Columns are found by their header names, in any order; unknown ones (datacenter, pod_id, ...)
 *       are ignored. Required: {@code serial_number}, and {@code date} unless the file's date is given.</li>
 *   <li>drive: {@code serial_number}. host: {@link ParseContext#defaultHost()} when the importer names
 *       one, else the serial number: a Backblaze drive is its own host. Region:
 *       {@link ParseContext#defaultRegion()}.</li>
 *   <li>tag {@code model}; fields {@code failure} (0/1), {@code capacity_bytes}, and
 *       {@code smart_<id>_raw}/{@code smart_<id>_normalized} for every non-empty SMART cell. An empty cell
 *       is a missing value, never 0; integers written as floats ({@code "0.0"}) are read as numbers.</li>
 *   <li>timestamp: the day at 00:00 UTC, from {@code fileDate} when given (the file name is authoritative;
 *       the date column is then not read), else from the row's {@code date} cell, {@code 2018-03-15} or
 *       {@code 2018/1/1}. {@link ParseContext#admit} applies, so imports pass a back-fill window.</li>
 * </ul>
 *
 * <p>Cells are not quoted (Backblaze never quotes). A bad row (wrong column count, a cell that is not a
 * number, a bad date, a line over {@link io.harbinger.core.admit.IngestLimits#maxLineBytes()}) is refused
 * with its line number and column; the rows after it are still read. Lines end in LF or CRLF.
 */
public final class BackblazeCsvParser {
    private static final int MIN_ROW_BYTES = 16;

    private BackblazeCsvParser() {
    }

    /** Never throws for any {@code csv}; all arguments must be non-null. */
    public static ParseResult parse(byte[] csv, Optional<LocalDate> fileDate, ParseContext ctx) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(fileDate, "fileDate");
        Objects.requireNonNull(ctx, "ctx");
        if (fileDate.isPresent() && !isRepresentable(fileDate.get())) {
            return refuse(RejectReason.MALFORMED, "file date " + fileDate.get() + " is outside the representable years 1970..2262");
        }
        int headerEnd = RowReader.indexOfNewline(csv, 0);
        int headerContentEnd = headerEnd > 0 && csv[headerEnd - 1] == '\r' ? headerEnd - 1 : headerEnd;
        if (headerContentEnd == 0) {
            return refuse(RejectReason.MALFORMED, "the file is empty or starts with a blank line: expected a header line such as serial_number,date,model,failure,smart_5_raw,...");
        }
        if (headerContentEnd > ctx.limits().maxLineBytes()) {
            return refuse(RejectReason.LINE_TOO_LONG, "the header line is " + headerContentEnd + " bytes long, at most " + ctx.limits().maxLineBytes() + " allowed");
        }
        return switch (Header.parse(csv, 0, headerContentEnd, fileDate.isEmpty())) {
            case Header.Refused refused -> ParseResult.Rejected.of(refused.rejection());
            case Header.Valid valid -> readRows(csv, headerEnd + 1, valid.header(), fileDate, ctx);
        };
    }

    private static ParseResult readRows(byte[] csv, int firstRow, Header header, Optional<LocalDate> fileDate, ParseContext ctx) {
        long fileDateNanos = fileDate.map(d -> d.toEpochDay() * RowReader.NANOS_PER_DAY).orElse(0L);
        int firstRowLength = RowReader.indexOfNewline(csv, Math.min(firstRow, csv.length)) - firstRow;
        int expectedRows = (csv.length - firstRow) / Math.max(firstRowLength, MIN_ROW_BYTES) + 1;
        return new RowReader(csv, header, fileDate.isPresent(), fileDateNanos, ctx, expectedRows).readFrom(firstRow, 2);
    }

    private static boolean isRepresentable(LocalDate date) {
        return date.getYear() >= 1970 && date.toEpochDay() <= Long.MAX_VALUE / RowReader.NANOS_PER_DAY;
    }

    private static ParseResult refuse(RejectReason reason, String detail) {
        return ParseResult.Rejected.of(Rejection.whole(reason, detail));
    }
}
