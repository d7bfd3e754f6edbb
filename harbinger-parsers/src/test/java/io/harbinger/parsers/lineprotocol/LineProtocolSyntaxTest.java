package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.harbinger.parsers.lineprotocol.TestLines.NOW_NANOS;
import static io.harbinger.parsers.lineprotocol.TestLines.accepted;
import static io.harbinger.parsers.lineprotocol.TestLines.ctx;
import static io.harbinger.parsers.lineprotocol.TestLines.parse;
import static io.harbinger.parsers.lineprotocol.TestLines.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the parser accepts, element by element. */
class LineProtocolSyntaxTest {

    @Test
    void smartLineOfTheBenchWorkload_becomesOnePointWithRegionHostDriveAndEightFields() {
        Point p = single("smart,region=eu-west,dc=eu-west-2,host=host-04711,disk=sdb,model=ST12000NM0008 smart_5_raw=0i,smart_187_raw=0i,"
                + "smart_188_raw=0i,smart_197_raw=0i,smart_198_raw=0i,smart_9_raw=31337i,temperature_c=38i,read_error_rate=0.000517157");

        assertThat(p).isEqualTo(new Point("smart", "eu-west", "host-04711", "sdb",
                List.of(new Tag("dc", "eu-west-2"), new Tag("disk", "sdb"), new Tag("model", "ST12000NM0008")),
                List.of(new Field("smart_5_raw", 0), new Field("smart_187_raw", 0), new Field("smart_188_raw", 0),
                        new Field("smart_197_raw", 0), new Field("smart_198_raw", 0), new Field("smart_9_raw", 31337),
                        new Field("temperature_c", 38), new Field("read_error_rate", 0.000517157)),
                NOW_NANOS));
    }

    @Test
    void hostLineOfTheBenchWorkload_hasNoDriveAndKeepsTheDcTag() {
        Point p = single("host,region=eu-west,dc=eu-west-2,host=host-04711 cpu=26.36,mem=56.78,load1=2.44,net_err=0i");

        assertThat(p).isEqualTo(new Point("host", "eu-west", "host-04711", "", List.of(new Tag("dc", "eu-west-2")),
                List.of(new Field("cpu", 26.36), new Field("mem", 56.78), new Field("load1", 2.44), new Field("net_err", 0)), NOW_NANOS));
    }

    @Test
    void pointWithoutRegionTag_getsTheDefaultRegion_andWithoutHostTag_theDefaultHost() {
        ParseResult result = parse("cpu v=1", Precision.NANOSECONDS, ctx().withDefaultHost("from-query"));

        Point p = accepted(result).getFirst();
        assertThat(p.region()).isEqualTo("default-region");
        assertThat(p.host()).isEqualTo("from-query");
        assertThat(p.tags()).isEmpty();
    }

    @Test
    void driveTag_prefersSerialOverDriveDiskAndDevice_whateverTheOrder() {
        assertThat(single("m,host=h,device=/dev/sda,disk=sda,serial=ZA1 v=1").drive()).isEqualTo("ZA1");
        assertThat(single("m,host=h,device=/dev/sda,disk=sda v=1").drive()).isEqualTo("sda");
        assertThat(single("m,host=h,device=/dev/sda,drive=d0 v=1").drive()).isEqualTo("d0");
        assertThat(single("m,host=h,device=/dev/sda v=1").drive()).isEqualTo("/dev/sda");
        assertThat(single("m,host=h,device=/dev/sda,disk=sda,serial=ZA1 v=1").tags()).extracting(Tag::key)
                .containsExactly("device", "disk", "serial");
    }

    @Test
    void hostnameTag_isAnOrdinaryTag_notTheHost() {
        Point p = accepted(parse("m,hostname=a v=1", Precision.NANOSECONDS, ctx().withDefaultHost("dflt"))).getFirst();

        assertThat(p.host()).isEqualTo("dflt");
        assertThat(p.tags()).containsExactly(new Tag("hostname", "a"));
    }

    @Test
    void measurementEscapes_commaAndSpace_butKeepBackslashEquals() {
        assertThat(single("my\\ meas\\,ure\\=x,host=h v=1").measurement()).isEqualTo("my meas,ure\\=x");
    }

    @Test
    void tagEscapes_commaSpaceAndEquals_inKeysAndValues() {
        assertThat(single("m,host=h,tag\\ key\\,x\\=y=va\\ l\\,u\\=e v=1").tags()).containsExactly(new Tag("tag key,x=y", "va l,u=e"));
    }

    @Test
    void fieldKeyEscapes_commaSpaceAndEquals() {
        assertThat(single("m,host=h f\\ o\\,o\\=x=1").fields()).containsExactly(new Field("f o,o=x", 1));
    }

    @Test
    void doubleBackslash_isOneBackslash_andALoneBackslashIsLiteral() {
        assertThat(single("m,host=h,a=C:\\\\,b=C:\\Windows v=1").tags()).containsExactly(new Tag("a", "C:\\"), new Tag("b", "C:\\Windows"));
    }

    @Test
    void unicodeNamesAndValues_areKept() {
        Point p = single("température,host=hôte,ort=Zürich wärme=1");

        assertThat(p.measurement()).isEqualTo("température");
        assertThat(p.host()).isEqualTo("hôte");
        assertThat(p.tags()).containsExactly(new Tag("ort", "Zürich"));
        assertThat(p.fields()).containsExactly(new Field("wärme", 1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "1;1.0", "-1.5;-1.5", ".5;0.5", "1.;1.0", "-.25;-0.25", "1e3;1000.0", "1E-3;0.001", "2.5e+2;250.0",
            "-0.0;-0.0", "0.000517157;0.000517157", "9.68172e-05;9.68172e-05", "123456789012345678901234567890;1.2345678901234568E29",
            "0.1000000000000000055511151231257827;0.1", "1e-400;0.0", "4.9e-324;4.9E-324"})
    void floats_parseLikeDoubleParseDouble(String text, double expected) {
        assertThat(single("m,host=h v=" + text).fields().getFirst().value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "0i;0.0", "-0i;0.0", "42i;42.0", "-42i;-42.0", "9223372036854775807i;9.223372036854775807E18",
            "-9223372036854775808i;-9.223372036854775808E18", "0000000000000000000000001i;1.0",
            "0u;0.0", "42u;42.0", "18446744073709551615u;1.8446744073709551615E19"})
    void integersAndUnsigned_areRangeCheckedAndCarriedAsDoubles(String text, double expected) {
        assertThat(single("m,host=h v=" + text).fields().getFirst().value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t", "T", "true", "True", "TRUE"})
    void trueSpellings_areOne(String text) {
        assertThat(single("m,host=h v=" + text).fields().getFirst().value()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f", "F", "false", "False", "FALSE"})
    void falseSpellings_areZero(String text) {
        assertThat(single("m,host=h v=" + text).fields().getFirst().value()).isEqualTo(0.0);
    }

    @Test
    void stringFields_areDropped_andTheirEscapesDoNotEndTheString() {
        Point p = single("m,host=h s=\"a \\\"quoted\\\" \\\\ value, with=signs \",v=1,t=\"\"");

        assertThat(p.fields()).containsExactly(new Field("v", 1));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "NANOSECONDS, 1795780800000000000, 1795780800000000000",
            "MICROSECONDS, 1795780800000000, 1795780800000000000",
            "MILLISECONDS, 1795780800000, 1795780800000000000",
            "SECONDS, 1795780800, 1795780800000000000",
            "MINUTES, 29929680, 1795780800000000000",
            "HOURS, 498828, 1795780800000000000"})
    void timestamp_isScaledByPrecisionToEpochNanos(Precision precision, String timestamp, long expectedNanos) {
        ParseResult result = parse("m,host=h v=1 " + timestamp, precision, ctx());

        assertThat(accepted(result).getFirst().timestampNanos()).isEqualTo(expectedNanos);
    }

    @Test
    void missingTimestamp_isTheContextsNow() {
        assertThat(single("m,host=h v=1").timestampNanos()).isEqualTo(NOW_NANOS);
    }

    @Test
    void blankLinesCommentsCrlfAndSurroundingWhitespace_areTolerated() {
        List<Point> points = accepted("# a comment\r\n\r\n   \n\tm,host=a v=1  \r\n  # indented comment\nm,host=b  v=2   "
                + (NOW_NANOS) + " \t\r\n\n");

        assertThat(points).extracting(Point::host).containsExactly("a", "b");
        assertThat(points.get(1).fields()).containsExactly(new Field("v", 2));
    }

    @Test
    void emptyBody_isAcceptedWithNoPoints() {
        assertThat(accepted("")).isEmpty();
        assertThat(accepted("\n\n# nothing\n")).isEmpty();
    }

    @Test
    void parse_readsOnlyTheGivenRange() {
        byte[] body = "garbage\nm,host=h v=7\ngarbage".getBytes(StandardCharsets.UTF_8);

        ParseResult result = LineProtocolParser.parse(body, 8, 13, Precision.NANOSECONDS, ctx());

        assertThat(accepted(result)).singleElement().satisfies(p -> assertThat(p.fields()).containsExactly(new Field("v", 7)));
    }

    @Test
    void parse_withARangeOutsideTheBody_isACallerBug() {
        assertThatThrownBy(() -> LineProtocolParser.parse(new byte[4], 2, 3, Precision.NANOSECONDS, ctx()))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> LineProtocolParser.parse(null, 0, 0, Precision.NANOSECONDS, ctx()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void repeatedNames_shareOneStringInstance() {
        List<Point> points = accepted("m,host=a,dc=x v=1\nm,host=b,dc=x v=2\n");

        assertThat(points.get(0).measurement()).isSameAs(points.get(1).measurement());
        assertThat(points.get(0).tags().getFirst()).isSameAs(points.get(1).tags().getFirst());
        assertThat(points.get(0).fields().getFirst().name()).isSameAs(points.get(1).fields().getFirst().name());
    }
}
