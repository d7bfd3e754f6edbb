package io.harbinger.parsers.backblaze;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Point;
import io.harbinger.core.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static io.harbinger.parsers.smartctl.DiskPoints.backfill;
import static io.harbinger.parsers.smartctl.DiskPoints.field;
import static io.harbinger.parsers.smartctl.DiskPoints.hasField;
import static io.harbinger.parsers.smartctl.DiskPoints.nanos;
import static io.harbinger.parsers.smartctl.DiskPoints.onlyPoint;
import static io.harbinger.parsers.smartctl.DiskPoints.onlyRejection;
import static io.harbinger.parsers.smartctl.DiskPoints.points;
import static io.harbinger.parsers.smartctl.DiskPoints.tag;
import static org.assertj.core.api.Assertions.assertThat;

class BackblazeCsvParserTest {
    private static final String ST4000_2018 = "backblaze-st4000dm000-2018-h1/";
    private static final String FLEET_2013 = "backblaze-fullfleet-2013/";

    static byte[] gunzip(String relative) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(TestData.resolve(relative)))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code zcat | wc -l} minus the header line gives. */
    private static long dataRows(byte[] csv) {
        long newlines = 0;
        for (byte b : csv) if (b == '\n') newlines++;
        return newlines - 1 + (csv.length > 0 && csv[csv.length - 1] != '\n' ? 1 : 0);
    }

    private static List<Point> parseDataFile(String relative, boolean useFileName) {
        byte[] csv = gunzip(relative);
        Optional<LocalDate> date = useFileName ? BackblazeFiles.dateFromFileName(relative) : Optional.empty();
        List<Point> points = points(BackblazeCsvParser.parse(csv, date, backfill()));
        assertThat((long) points.size()).as("rows of %s", relative).isEqualTo(dataRows(csv));
        return points;
    }

    private static Map<String, Point> bySerial(List<Point> points) {
        return points.stream().collect(Collectors.toMap(Point::drive, p -> p));
    }

    private static ParseResult parse(String csv) {
        return BackblazeCsvParser.parse(csv.getBytes(StandardCharsets.UTF_8), Optional.empty(), backfill());
    }

    private static ParseResult.Rejected rejected(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-01-01.csv.gz", "2018-01-18.csv.gz", "2018-03-15.csv.gz", "2018-06-30.csv.gz"})
    void st4000File_everyRowBecomesAPointAtTheFilesDay(String name) {
        List<Point> points = parseDataFile(ST4000_2018 + name, true);
        long day = nanos(Instant.parse(name.substring(0, 10) + "T00:00:00Z"));
        assertThat(points).allSatisfy(p -> {
            assertThat(p.timestampNanos()).isEqualTo(day);
            assertThat(p.measurement()).isEqualTo("smart");
            assertThat(p.host()).isEqualTo("node-1");
            assertThat(p.region()).isEqualTo("eu-west");
            assertThat(tag(p, "model")).isEqualTo("ST4000DM000");
        });
    }

    @Test
    void st4000FirstDay_knownFailuresAreOne_andFloatWrittenIntegersAreRead() {
        List<Point> points = parseDataFile(ST4000_2018 + "2018-01-01.csv.gz", true);
        assertThat(points.stream().filter(p -> field(p, "failure") == 1).map(Point::drive)).containsExactlyInAnyOrder("Z300GZ1B", "Z300GZCV");
        Point failed = bySerial(points).get("Z300GZCV");
        assertThat(field(failed, "smart_5_raw")).isEqualTo(160);
        assertThat(field(failed, "smart_187_raw")).as("written 12.0").isEqualTo(12);
        assertThat(field(failed, "smart_197_raw")).isEqualTo(128);
        assertThat(field(failed, "smart_242_raw")).as("written 194544000000.0").isEqualTo(194_544_000_000d);
        Point first = bySerial(points).get("Z305B2QN");
        assertThat(field(first, "failure")).isEqualTo(0);
        assertThat(field(first, "smart_9_raw")).isEqualTo(17952);
        assertThat(field(first, "smart_241_raw")).isEqualTo(39_414_155_008d);
        assertThat(first.fields()).hasSize(11);
    }

    @Test
    void st4000RowsWithEmptySmartCells_keepOnlyTheFailureField() {
        Point empty = bySerial(parseDataFile(ST4000_2018 + "2018-01-18.csv.gz", true)).get("Z300GYM3");
        assertThat(empty.fields()).extracting(f -> f.name()).containsExactly("failure");
    }

    @Test
    void withoutFileDate_theDateColumnIsRead_inEitherFormat() {
        Point slashes = parseDataFile(ST4000_2018 + "2018-01-01.csv.gz", false).getFirst();
        Point dashes = parseDataFile(ST4000_2018 + "2018-03-15.csv.gz", false).getFirst();
        assertThat(slashes.timestampNanos()).isEqualTo(nanos(Instant.parse("2018-01-01T00:00:00Z")));
        assertThat(dashes.timestampNanos()).isEqualTo(nanos(Instant.parse("2018-03-15T00:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2013-04-10.csv.gz", "2013-04-16.csv.gz", "2013-05-19.csv.gz"})
    void upstream85ColumnFile_everyCrlfRowBecomesAPoint(String name) {
        List<Point> points = parseDataFile(FLEET_2013 + name, false);
        long day = nanos(Instant.parse(name.substring(0, 10) + "T00:00:00Z"));
        assertThat(points).allSatisfy(p -> assertThat(p.timestampNanos()).isEqualTo(day));
        assertThat(points.stream().map(p -> tag(p, "model")).distinct().count()).isGreaterThan(20);
    }

    @Test
    void upstreamFile_emptyCellsAreAbsent_notZero() {
        Map<String, Point> points = bySerial(parseDataFile(FLEET_2013 + "2013-04-10.csv.gz", true));
        Point hitachi = points.get("MJ0351YNG9Z0XA");
        assertThat(tag(hitachi, "model")).isEqualTo("Hitachi HDS5C3030ALA630");
        assertThat(hitachi.fields()).extracting(f -> f.name()).containsExactly(
                "capacity_bytes", "failure", "smart_1_raw", "smart_5_raw", "smart_9_raw", "smart_194_raw", "smart_197_raw");
        assertThat(field(hitachi, "smart_9_raw")).isEqualTo(4031);
        assertThat(field(hitachi, "capacity_bytes")).isEqualTo(3_000_592_982_016d);
        assertThat(hasField(hitachi, "smart_1_normalized")).isFalse();

        Point failed = points.get("9VS3FM1J");
        assertThat(field(failed, "failure")).isEqualTo(1);
        assertThat(field(failed, "smart_5_raw")).isEqualTo(4094);
        assertThat(field(failed, "smart_1_raw")).isEqualTo(222_508_045);
    }

    @Test
    void columnsInAnyOrder_withUnknownOnes_areFoundByName() {
        Point p = onlyPoint(parse("""
                datacenter,smart_5_normalized,failure,model,smart_5_raw,date,serial_number
                ams5,100,0,ST8000NM0055,8,2023-07-01,ZA1
                """));
        assertThat(p.drive()).isEqualTo("ZA1");
        assertThat(p.host()).isEqualTo("node-1");
        assertThat(field(p, "smart_5_raw")).isEqualTo(8);
        assertThat(field(p, "smart_5_normalized")).isEqualTo(100);
        assertThat(p.fields()).hasSize(3);
    }

    @Test
    void withoutImporterHost_theDriveIsItsOwnHost() {
        ParseResult result = BackblazeCsvParser.parse("serial_number,date,failure\nZA1,2018-01-01,0\n".getBytes(StandardCharsets.UTF_8),
                Optional.empty(), backfill().withDefaultHost(""));
        assertThat(onlyPoint(result).host()).isEqualTo("ZA1");
    }

    @Test
    void missingRequiredColumns_refuseTheWholeFile_namingThem() {
        Rejection r = onlyRejection(parse("model,failure\nX,0\n"), RejectReason.MALFORMED);
        assertThat(r.line()).isZero();
        assertThat(r.detail()).startsWith("the header lacks the required column(s) serial_number, date");
        Rejection onlySerial = onlyRejection(BackblazeCsvParser.parse("model,failure\nX,0\n".getBytes(StandardCharsets.UTF_8),
                Optional.of(LocalDate.of(2018, 1, 1)), backfill()), RejectReason.MALFORMED);
        assertThat(onlySerial.detail()).isEqualTo("the header lacks the required column(s) serial_number");
    }

    @Test
    void fileDate_makesTheDateColumnOptional() {
        Point p = onlyPoint(BackblazeCsvParser.parse("serial_number,smart_9_raw\nZA1,17952.0\n".getBytes(StandardCharsets.UTF_8),
                Optional.of(LocalDate.of(2018, 2, 3)), backfill()));
        assertThat(p.timestampNanos()).isEqualTo(nanos(Instant.parse("2018-02-03T00:00:00Z")));
    }

    @Test
    void badRows_areRefusedWithLineAndColumn_andTheRestIsKept() {
        ParseResult.Rejected r = rejected(parse("""
                serial_number,date,failure,smart_5_raw
                A,2018-01-01,0,1
                B,2018-01-01,0
                C,2018-01-01,0,lots
                D,2018-13-01,0,1
                E,2018-01-01,2,1
                ,2018-01-01,0,1
                F,2018-01-01,,
                G,2018/1/2,0,-1.5e3
                """));
        assertThat(r.validPoints()).extracting(Point::drive).containsExactly("A", "G");
        assertThat(field(r.validPoints().get(1), "smart_5_raw")).isEqualTo(-1500);
        assertThat(r.rejections()).extracting(Rejection::describe).containsExactly(
                "line 3: malformed: the row has 3 columns, the header has 4",
                "line 4: malformed: column 'smart_5_raw': 'lots' is not a number",
                "line 5: malformed: column 'date': '2018-13-01' is not a date yyyy-MM-dd or yyyy/M/d between 1970 and 2262",
                "line 6: malformed: column 'failure': '2' is not 0 or 1",
                "line 7: missing_drive: column 'serial_number' is empty: the serial number identifies the drive",
                "line 8: no_fields: failure, capacity_bytes and every SMART column are empty");
    }

    @Test
    void lineOverTheLimit_isTooLong_andTheNextLineIsRead() {
        String csv = "serial_number,date,failure,model\nA,2018-01-01,0," + "M".repeat(200) + "\nB,2018-01-01,0,X\n";
        ParseContext small = new ParseContext("eu-west", "node-1", nanos(Instant.parse("2025-01-01T00:00:00Z")),
                TimeWindow.backfill(java.time.Duration.ZERO), new IngestLimits(100, 64, 512, 256));
        ParseResult.Rejected r = rejected(BackblazeCsvParser.parse(csv.getBytes(StandardCharsets.UTF_8), Optional.empty(), small));
        assertThat(r.rejections()).extracting(Rejection::describe).containsExactly("line 2: line_too_long: the line is 215 bytes long, at most 100 allowed");
        assertThat(r.validPoints()).extracting(Point::drive).containsExactly("B");
    }

    @Test
    void rowsOutsideTheTimeWindow_areRefusedByAdmission() {
        ParseContext live = new ParseContext("eu-west", "node-1", nanos(Instant.parse("2025-01-01T00:00:00Z")), TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS);
        ParseResult result = BackblazeCsvParser.parse("serial_number,date,failure\nA,2018-01-01,0\n".getBytes(StandardCharsets.UTF_8), Optional.empty(), live);
        assertThat(onlyRejection(result, RejectReason.TIMESTAMP_TOO_OLD).line()).isEqualTo(2);
    }

    @Test
    void invalidUtf8InASerial_refusesThatRow() {
        byte[] csv = "serial_number,date,failure\nA\u00ff,2018-01-01,0\nB,2018-01-01,0\n".getBytes(StandardCharsets.ISO_8859_1);
        ParseResult.Rejected r = rejected(BackblazeCsvParser.parse(csv, Optional.empty(), backfill()));
        assertThat(r.rejections()).extracting(Rejection::describe).containsExactly("line 2: invalid_utf8: column 'serial_number' is not valid UTF-8");
        assertThat(r.validPoints()).hasSize(1);
        Point utf8 = onlyPoint(parse("serial_number,date,failure,model\nA,2018-01-01,0,Tōshiba\n"));
        assertThat(tag(utf8, "model")).isEqualTo("Tōshiba");
    }

    @Test
    void bomCrlfAndMissingFinalNewline_areTolerated() {
        byte[] csv = "\uFEFFserial_number,date,failure\r\nA,2018-01-01,1\r\n\r\nB,2018-01-01,0".getBytes(StandardCharsets.UTF_8);
        List<Point> points = points(BackblazeCsvParser.parse(csv, Optional.empty(), backfill()));
        assertThat(points).extracting(Point::drive).containsExactly("A", "B");
        assertThat(field(points.get(0), "failure")).isEqualTo(1);
    }

    @Test
    void duplicateOrEmptyHeaders_refuseTheFile() {
        assertThat(onlyRejection(parse("serial_number,date,smart_5_raw,smart_5_raw\n"), RejectReason.MALFORMED).detail())
                .isEqualTo("column 'smart_5_raw' appears twice in the header (columns 3 and 4)");
        onlyRejection(parse(""), RejectReason.MALFORMED);
        onlyRejection(parse("\nserial_number,date\n"), RejectReason.MALFORMED);
    }

    @Test
    void headerOnlyFile_isAcceptedEmpty() {
        assertThat(points(parse("serial_number,date,failure\n"))).isEmpty();
    }
}
