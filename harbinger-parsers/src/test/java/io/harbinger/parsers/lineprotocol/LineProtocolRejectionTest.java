package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static io.harbinger.core.parse.RejectReason.INVALID_UTF8;
import static io.harbinger.core.parse.RejectReason.MALFORMED;
import static io.harbinger.core.parse.RejectReason.NO_FIELDS;
import static io.harbinger.parsers.lineprotocol.TestLines.ctx;
import static io.harbinger.parsers.lineprotocol.TestLines.parse;
import static io.harbinger.parsers.lineprotocol.TestLines.rejection;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rejection reason, with its line, its column and what was expected. */
class LineProtocolRejectionTest {

    @Test
    void rejection_namesLineColumnAndWhatWasExpected() {
        ParseResult result = parse("cpu,host=h1 temp=1\n\ncpu,host=h1 temp 1\n");

        Rejection r = rejection(result);
        assertThat(r.describe()).isEqualTo("line 3: malformed: column 17: expected '=' after field key 'temp', found a space");
        assertThat(((ParseResult.Rejected) result).validPoints()).hasSize(1);
    }

    @ParameterizedTest(name = "[{0}] -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "m|NO_FIELDS|column 2: expected a space and a field set after measurement 'm', found the end of the line",
            "m,host=h|NO_FIELDS|column 9: expected a space and a field set after the tag set, found the end of the line",
            "`m,host=h   `|NO_FIELDS|column 9: expected a space and a field set after the tag set, found the end of the line",
            ",host=h v=1|MALFORMED|column 1: expected a measurement name, found ','",
            "m,=x v=1|MALFORMED|column 3: expected a tag key after ',', found '='",
            "m,host v=1|MALFORMED|column 7: expected '=' after tag key 'host', found a space",
            "m,host= v=1|MALFORMED|column 8: expected a value for tag 'host', found a space",
            "m,host=a=b v=1|MALFORMED|column 9: unescaped '=' in the value of tag 'host' (write it as '\\=')",
            "m,host=h,dc=a,dc=b v=1|MALFORMED|column 15: duplicate tag key 'dc'",
            "m,host=h,host=i v=1|MALFORMED|column 10: duplicate tag key 'host'",
            "m,host=h =1|MALFORMED|column 10: expected a field key, found '='",
            "m,host=h v=1,|MALFORMED|column 14: expected a field key, found the end of the line",
            "m,host=h v=|MALFORMED|column 12: expected a value for field 'v', found the end of the line",
            "m,host=h v=,w=1|MALFORMED|column 12: expected a value for field 'v', found ','",
            "m,host=h v=1,v=2|MALFORMED|column 14: duplicate field key 'v'",
            "m,host=h v=12a|MALFORMED|column 14: invalid value '12a' for field 'v': expected a digit, '.', 'e', 'i' or 'u', found 'a'",
            "m,host=h v=1.2.3|MALFORMED|column 15: invalid value '1.2.3' for field 'v': expected a digit or an exponent ('e'), found '.'",
            "m,host=h v=1e|MALFORMED|column 14: invalid value '1e' for field 'v': expected a digit in the exponent, found the end of the line",
            "m,host=h v=+1|MALFORMED|column 12: invalid value '+1' for field 'v': expected a number, a boolean or a double-quoted string, found '+'",
            "m,host=h v=-|MALFORMED|column 13: invalid value '-' for field 'v': expected a digit, found the end of the line",
            "m,host=h v=1.5i|MALFORMED|column 15: invalid value '1.5i' for field 'v': expected a digit or an exponent ('e'), found 'i'",
            "m,host=h v=5ix|MALFORMED|column 14: invalid value '5ix' for field 'v': expected ',' or a space after the 'i' suffix, found 'x'",
            "m,host=h v=tru|MALFORMED|column 12: invalid value 'tru' for field 'v': expected a boolean (t, T, true, True, TRUE, f, F, false, False or FALSE), found 't'",
            "m,host=h v=-1u|MALFORMED|column 12: invalid value '-1u' for field 'v': expected an unsigned integer (no '-') before the 'u' suffix, found '-'",
            "m,host=h v=9223372036854775808i|MALFORMED|column 12: invalid value '9223372036854775808i' for field 'v': expected an integer in [-9223372036854775808, 9223372036854775807] (the value is out of range), found '9'",
            "m,host=h v=18446744073709551616u|MALFORMED|column 12: invalid value '18446744073709551616u' for field 'v': expected an unsigned integer in [0, 18446744073709551615] (the value is out of range), found '1'",
            "m,host=h s=\"abc|MALFORMED|column 12: unterminated string value of field 's': expected a closing '\"' before the end of the line",
            "m,host=h s=\"abc\\\"|MALFORMED|column 12: unterminated string value of field 's': expected a closing '\"' before the end of the line",
            "m,host=h s=\"a\"x|MALFORMED|column 15: expected ',' or a space after the value of field 's', found 'x'",
            "m,host=h v=1 x|MALFORMED|column 14: expected a timestamp (integer nanoseconds since the epoch), found 'x'",
            "m,host=h v=1 12a|MALFORMED|column 16: expected the end of the line after the timestamp, found 'a'",
            "m,host=h v=1 1 2|MALFORMED|column 15: expected the end of the line after the timestamp, found a space",
            "m,host=h v=1 9223372036854775808|MALFORMED|column 14: timestamp '9223372036854775808' does not fit a signed 64-bit integer",
            "m,host=h v=NaN|NON_FINITE_VALUE|column 12: field 'v' is 'NaN', expected a finite number",
            "m,host=h v=-inf|NON_FINITE_VALUE|column 12: field 'v' is '-inf', expected a finite number",
            "m,host=h v=Infinity|NON_FINITE_VALUE|column 12: field 'v' is 'Infinity', expected a finite number",
            "m,host=h v=1e999|NON_FINITE_VALUE|column 12: field 'v' is '1e999', expected a finite number",
            "m,host=h s=\"x\",t=\"y\"|UNSUPPORTED|column 10: all 2 field(s) are strings; string fields are not stored, so the line has no value to keep (send numbers or booleans)",
            "m,dc=x v=1|MISSING_HOST|column 3: no 'host' tag, and the request names no default host",
            "m v=1|MISSING_HOST|column 1: no 'host' tag, and the request names no default host",
    })
    void badLine_isRejectedWithReasonAndColumn(String line, RejectReason reason, String detail) {
        Rejection r = rejection(line);

        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.detail()).isEqualTo(detail);
    }

    @Test
    void timestampOverflowingNanoseconds_inCoarsePrecision_isMalformed() {
        Rejection r = rejection(parse("m,host=h v=1 9223372037", Precision.SECONDS, ctx()));

        assertThat(r.reason()).isEqualTo(MALFORMED);
        assertThat(r.detail()).isEqualTo("column 14: timestamp '9223372037' in seconds overflows 64-bit epoch nanoseconds (representable: 1677-09-21 to 2262-04-11)");
    }

    @Test
    void timestampOutsideTheWindow_isRejectedByAdmission_pointingAtTheTimestamp() {
        Rejection old = rejection("m,host=h v=1 946684800000000000");
        Rejection future = rejection(parse("m,host=h v=1 " + (TestLines.NOW.getEpochSecond() + 86_400), Precision.SECONDS, ctx()));

        assertThat(old.reason()).isEqualTo(RejectReason.TIMESTAMP_TOO_OLD);
        assertThat(old.detail()).startsWith("column 14: timestamp 2000-01-01T00:00:00Z is before the accepted window");
        assertThat(future.reason()).isEqualTo(RejectReason.TIMESTAMP_TOO_NEW);
        assertThat(future.detail()).startsWith("column 14: timestamp 2026-11-28T12:00:00Z is after the accepted window");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`m,host=web\u00001 v=1`|column 11: tag value 'web\\x001' holds the control character U+0000",
            "`m\tx,host=h v=1`|column 2: measurement 'm\\x09x' holds the control character U+0009",
            "`m,host=h,d\u001bc=x v=1`|column 11: tag key 'd\\x1Bc' holds the control character U+001B",
            "`m,host=h,dc=x\u007f v=1`|column 14: tag value 'x\\x7F' holds the control character U+007F",
            "`m,host=h v\u0085=1`|column 11: field key 'v\\u0085' holds the control character U+0085",
    })
    void controlCharacterInANameOrTagValue_isRejectedWithItsColumn(String line, String detail) {
        Rejection r = rejection(line);

        assertThat(r.reason()).isEqualTo(RejectReason.CONTROL_CHARACTER);
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.detail()).isEqualTo(detail + "; names and tag values must be printable");
    }

    @ParameterizedTest(name = "{0} at column {1}")
    @CsvSource({
            "ff, 9",          // never valid
            "c0af, 9",        // overlong '/'
            "eda080, 9",      // UTF-16 surrogate
            "f4908080, 9",    // above U+10FFFF
            "c3, 9",          // truncated before the space
            "80, 9"})         // lone continuation byte
    void invalidUtf8_isRejectedWithTheColumnOfTheBadSequence(String hex, int column) {
        byte[] line = concat("m,host=h".getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex(hex), " v=1".getBytes(StandardCharsets.US_ASCII));

        Rejection r = rejection(parse(line, Precision.NANOSECONDS, ctx()));

        assertThat(r.reason()).isEqualTo(INVALID_UTF8);
        assertThat(r.detail()).startsWith("column " + column + ": byte 0x" + hex.substring(0, 2).toUpperCase() + " does not start a valid UTF-8 sequence");
    }

    @Test
    void invalidUtf8InAComment_isRejectedToo_andTheNextLineStillParses() {
        byte[] body = concat("# caf".getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0xE9}, "\nm,host=h v=1\n".getBytes(StandardCharsets.US_ASCII));

        ParseResult result = parse(body, Precision.NANOSECONDS, ctx());

        assertThat(rejection(result).reason()).isEqualTo(INVALID_UTF8);
        assertThat(rejection(result).line()).isEqualTo(1);
        assertThat(((ParseResult.Rejected) result).validPoints()).hasSize(1);
    }

    @Test
    void lineLongerThanTheLimit_isRejectedWithoutParsing_andCountingGoesOn() {
        IngestLimits limits = new IngestLimits(32, 64, 512, 256);
        String longLine = "m,host=h v=1,w=2,x=3,y=4,z=5,aa=6";  // 33 bytes, valid but too long

        ParseResult result = parse("m,host=h v=1\r\n" + longLine + "\r\nm,host=h v=\n", Precision.NANOSECONDS, ctx(limits));

        ParseResult.Rejected rejected = (ParseResult.Rejected) result;
        assertThat(rejected.rejections()).extracting(Rejection::reason, Rejection::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RejectReason.LINE_TOO_LONG, 2L), org.assertj.core.groups.Tuple.tuple(MALFORMED, 3L));
        assertThat(rejected.rejections().getFirst().detail()).isEqualTo("column 33: the line is 33 bytes long, at most 32 allowed");
        assertThat(rejected.validPoints()).hasSize(1);
    }

    @Test
    void namesLongerThanTheLimit_areMalformed_namingWhichName() {
        var ctx = TestLines.ctx(new IngestLimits(1024, 64, 512, 8));

        assertThat(rejection(parse("measurement_long,host=h v=1", Precision.NANOSECONDS, ctx)).detail())
                .isEqualTo("column 1: measurement 'measurement_long' is 16 bytes long, at most 8 allowed");
        assertThat(rejection(parse("m,host=h,dc=abcdefghij v=1", Precision.NANOSECONDS, ctx)).detail())
                .isEqualTo("column 13: tag value 'abcdefghij' is 10 bytes long, at most 8 allowed");
        assertThat(rejection(parse("m,host=h,long_key1=a v=1", Precision.NANOSECONDS, ctx)).detail())
                .isEqualTo("column 10: tag key 'long_key1' is 9 bytes long, at most 8 allowed");
        assertThat(rejection(parse("m,host=h field_key=1", Precision.NANOSECONDS, ctx)).detail())
                .isEqualTo("column 10: field key 'field_key' is 9 bytes long, at most 8 allowed");
        assertThat(rejection(parse("m,host=h a\\ b\\ c\\ d\\ e=1", Precision.NANOSECONDS, ctx)).detail())
                .as("the limit applies to the unescaped name").isEqualTo("column 10: field key 'a\\ b\\ c\\ d\\ e' is 9 bytes long, at most 8 allowed");
        assertThat(TestLines.accepted(parse("m,host=h a\\ b\\ c\\ d=1", Precision.NANOSECONDS, ctx))).as("7 bytes once unescaped").hasSize(1);
    }

    @Test
    void tooManyTags_countingRegionAndHost_isRejectedAtTheFirstTagOverTheLimit() {
        var ctx = TestLines.ctx(new IngestLimits(1024, 4, 512, 256));

        assertThat(TestLines.accepted(parse("m,host=h,region=r,a=1,b=2 v=1", Precision.NANOSECONDS, ctx))).hasSize(1);
        Rejection r = rejection(parse("m,host=h,region=r,a=1,b=2,c=3 v=1", Precision.NANOSECONDS, ctx));
        assertThat(r.reason()).isEqualTo(RejectReason.TOO_MANY_TAGS);
        assertThat(r.detail()).isEqualTo("column 27: more than 4 tags (region and host included), at most 4 allowed");
    }

    @Test
    void tooManyFields_isRejectedAtTheFirstFieldOverTheLimit() {
        var ctx = TestLines.ctx(new IngestLimits(1024, 64, 2, 256));

        Rejection r = rejection(parse("m,host=h a=1,b=2,c=3", Precision.NANOSECONDS, ctx));

        assertThat(r.reason()).isEqualTo(RejectReason.TOO_MANY_FIELDS);
        assertThat(r.detail()).isEqualTo("column 18: more than 2 fields, at most 2 allowed");
    }

    @Test
    void duplicateFieldKeys_areFound_alsoAmongManyFields() {
        StringBuilder line = new StringBuilder("m,host=h ");
        for (int i = 0; i < 40; i++) line.append('f').append(i).append("=1,");
        line.append("f7=2");

        Rejection r = rejection(line.toString());

        assertThat(r.reason()).isEqualTo(MALFORMED);
        assertThat(r.detail()).endsWith("duplicate field key 'f7'");
    }

    @Test
    void parserKeepsGoingAfterBadLines_listingTheFirstTwentyAndCountingAll() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 30; i++) body.append(i % 6 == 0 ? "m,host=h v=" + i : "bad line " + i).append('\n');

        ParseResult.Rejected rejected = (ParseResult.Rejected) parse(body.toString());

        assertThat(rejected.rejectedCount()).isEqualTo(25);
        assertThat(rejected.rejections()).hasSize(ParseResult.MAX_DETAILED_REJECTIONS);
        assertThat(rejected.rejections()).extracting(Rejection::line).startsWith(1L, 2L, 3L, 4L, 5L, 7L);
        assertThat(rejected.rejections()).allSatisfy(r -> assertThat(r.reason()).isEqualTo(MALFORMED));
        assertThat(rejected.validPoints()).hasSize(5);
    }

    @Test
    void unknownLineAfterGoodOnes_doesNotLoseTheLineCount() {
        Rejection r = rejection("m,host=h v=1\n# c\n\nm,host=h v=2\nm,host=h");

        assertThat(r.line()).isEqualTo(5);
        assertThat(r.reason()).isEqualTo(NO_FIELDS);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
