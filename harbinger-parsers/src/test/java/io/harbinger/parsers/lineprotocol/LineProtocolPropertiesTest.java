package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the bytes, the parser answers; and what a client writes comes back unchanged. */
class LineProtocolPropertiesTest {
    private static final long EARLIEST_NANOS = TimeWindow.EARLIEST.getEpochSecond() * 1_000_000_000L;
    private static final ParseContext BACKFILL = new ParseContext("default-region", "fallback-host", TestLines.NOW_NANOS,
            TimeWindow.backfill(Duration.ofMinutes(10)), IngestLimits.DEFAULTS);
    private static final ParseContext TIGHT = new ParseContext("default-region", "", TestLines.NOW_NANOS,
            TimeWindow.LIVE_DEFAULT, new IngestLimits(120, 6, 5, 16));

    @Property(tries = 1000)
    void arbitraryBytes_alwaysYieldAcceptedOrRejectedWithDetails(@ForAll("noise") byte[] body) {
        assertWellFormedOutcome(body, BACKFILL);
        assertWellFormedOutcome(body, TIGHT);
    }

    @Property(tries = 1000)
    void mutatedValidBodies_alwaysYieldAcceptedOrRejectedWithDetails(@ForAll @Size(min = 1, max = 6) List<@From("lines") GeneratedLine> lines,
                                                                     @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1 << 20) Integer> edits,
                                                                     @ForAll("noise") byte[] insert) {
        byte[] body = mutate(body(lines), edits, insert);
        assertWellFormedOutcome(body, BACKFILL);
        assertWellFormedOutcome(body, TIGHT);
    }

    @Property(tries = 1000)
    void generatedPoints_roundTripThroughTheWireFormat(@ForAll @Size(min = 1, max = 6) List<@From("lines") GeneratedLine> lines,
                                                       @ForAll Precision precision) {
        List<GeneratedLine> scaled = lines.stream().map(l -> withPrecision(l, precision)).toList();

        ParseResult result = TestLines.parse(body(scaled), precision, BACKFILL);

        List<Point> expected = scaled.stream().map(l -> l.expected("default-region", TestLines.NOW_NANOS, precision)).toList();
        assertThat(TestLines.accepted(result)).containsExactlyElementsOf(expected);
    }

    @Property(tries = 3000)
    void decimalText_parsesToExactlyWhatDoubleParseDoubleGives(@ForAll("decimals") String text) {
        assertParsesLikeJdk(text);
    }

    @Property(tries = 3000)
    void fastPathCandidates_parseToExactlyWhatDoubleParseDoubleGives(@ForAll @IntRange(min = 0, max = 17) int digitsAfterPoint,
                                                                     @ForAll("mantissas") long mantissa, @ForAll @IntRange(min = -25, max = 25) int exponent) {
        String digits = Long.toString(mantissa);
        String text = digitsAfterPoint < digits.length()
                ? digits.substring(0, digits.length() - digitsAfterPoint) + "." + digits.substring(digits.length() - digitsAfterPoint)
                : "0." + "0".repeat(digitsAfterPoint - digits.length()) + digits;
        assertParsesLikeJdk(text);
        assertParsesLikeJdk(text + "e" + exponent);
        assertParsesLikeJdk("-" + text + "E" + exponent);
    }

    @Property(tries = 2000)
    void anyFiniteDoublesShortestText_roundTrips(@ForAll double value) {
        if (!Double.isFinite(value)) return;
        assertParsesLikeJdk(Double.toString(value));
        assertParsesLikeJdk(new java.math.BigDecimal(value).toPlainString());
    }

    private static void assertParsesLikeJdk(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        FieldValueParser parser = new FieldValueParser();
        double expected = Double.parseDouble(text);
        FieldValueParser.Kind kind = parser.parse(b, 0, b.length);
        if (Double.isFinite(expected)) {
            assertThat(kind).as(text).isEqualTo(FieldValueParser.Kind.NUMBER);
            assertThat(Double.doubleToRawLongBits(parser.value())).as(text).isEqualTo(Double.doubleToRawLongBits(expected));
        } else {
            assertThat(kind).as(text).isEqualTo(FieldValueParser.Kind.NON_FINITE);
        }
    }

    private static void assertWellFormedOutcome(byte[] body, ParseContext ctx) {
        ParseResult result = TestLines.parse(body, Precision.NANOSECONDS, ctx);
        long lines = 1;
        for (byte b : body) if (b == '\n') lines++;
        long maxLine = lines;
        switch (result) {
            case ParseResult.Accepted a -> assertThat(a.points()).allSatisfy(LineProtocolPropertiesTest::assertAdmissible);
            case ParseResult.Rejected r -> {
                assertThat(r.rejections()).isNotEmpty().allSatisfy(rejection -> {
                    assertThat(rejection.line()).isBetween(1L, maxLine);
                    assertThat(rejection.detail()).matches("column [1-9][0-9]*: .+");
                });
                assertThat(r.rejectedCount() + r.validPoints().size()).isLessThanOrEqualTo(lines);
                assertThat(r.validPoints()).allSatisfy(LineProtocolPropertiesTest::assertAdmissible);
            }
        }
    }

    private static void assertAdmissible(Point p) {
        assertThat(p.fields()).allSatisfy(f -> assertThat(Double.isFinite(f.value())).isTrue());
        assertThat(p.tags()).extracting(Tag::key).doesNotContain("region", "host").doesNotHaveDuplicates();
        assertThat(p.fields()).extracting(Field::name).doesNotHaveDuplicates();
    }

    private static byte[] body(List<GeneratedLine> lines) {
        return lines.stream().map(GeneratedLine::write).collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
    }

    /** Each edit picks a position and one of: flip a byte, delete a byte, insert the noise, cut the body there. */
    private static byte[] mutate(byte[] body, List<Integer> edits, byte[] insert) {
        byte[] b = body;
        for (int edit : edits) {
            if (b.length == 0) break;
            int at = (edit >>> 2) % b.length;
            b = switch (edit & 3) {
                case 0 -> {
                    byte[] c = b.clone();
                    c[at] = (byte) (c[at] ^ (1 << (edit >>> 12) % 8));
                    yield c;
                }
                case 1 -> concat(java.util.Arrays.copyOfRange(b, 0, at), java.util.Arrays.copyOfRange(b, at + 1, b.length));
                case 2 -> concat(java.util.Arrays.copyOfRange(b, 0, at), insert, java.util.Arrays.copyOfRange(b, at, b.length));
                default -> java.util.Arrays.copyOfRange(b, 0, at);
            };
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static GeneratedLine withPrecision(GeneratedLine line, Precision precision) {
        return new GeneratedLine(line.measurement(), line.region(), line.host(), line.tags(), line.values(),
                line.timestampUnits().map(ns -> ns / precision.nanosPerUnit()));
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<Byte> syntax = Arbitraries.of(",", " ", "=", "\\", "\"", "\n", "\r", "#", "i", "u", ".", "-", "e", "t", "0", "9", "\t")
                .map(s -> (byte) s.charAt(0));
        Arbitrary<Byte> highBytes = Arbitraries.of((byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 0xFF, (byte) 0xF0, (byte) 0x80);
        Arbitrary<Byte> letters = Arbitraries.chars().range('a', 'z').map(c -> (byte) c.charValue());
        return Arbitraries.frequencyOf(Tuple.of(4, syntax), Tuple.of(4, letters), Tuple.of(1, highBytes), Tuple.of(1, Arbitraries.bytes()))
                .array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<GeneratedLine> lines() {
        Arbitrary<String> measurement = names().filter(n -> n.charAt(0) != '#');
        Arbitrary<Tag> tag = Combinators.combine(tagKeys(), names()).as(Tag::new);
        Arbitrary<List<Tag>> tags = tag.list().ofMaxSize(4).uniqueElements(Tag::key);
        Arbitrary<Optional<Long>> timestamp = Arbitraries.longs().between(EARLIEST_NANOS, TestLines.NOW_NANOS).optional(0.5);
        return Combinators.combine(measurement, names().optional(0.7), names(), tags, fieldValues(), timestamp).as(GeneratedLine::new);
    }

    private Arbitrary<List<GeneratedLine.Value>> fieldValues() {
        Arbitrary<String> key = names();
        Arbitrary<GeneratedLine.Value> numeric = Arbitraries.oneOf(
                Combinators.combine(key, Arbitraries.doubles().filter(Double::isFinite)).as(GeneratedLine.FloatValue::new),
                Combinators.combine(key, Arbitraries.longs()).as(GeneratedLine.IntegerValue::new),
                Combinators.combine(key, Arbitraries.longs()).as(GeneratedLine.UnsignedValue::new),
                Combinators.combine(key, Arbitraries.of("t", "T", "true", "True", "TRUE", "f", "F", "false", "False", "FALSE"))
                        .as(GeneratedLine.BooleanValue::new));
        Arbitrary<GeneratedLine.Value> text = Combinators.combine(key, Arbitraries.strings().withChars("ab \\\",=\"é").ofMaxLength(10))
                .as(GeneratedLine.StringValue::new);
        return Arbitraries.frequencyOf(Tuple.of(5, numeric), Tuple.of(1, text)).list().ofMinSize(1).ofMaxSize(6)
                .uniqueElements(GeneratedLine.Value::key)
                .filter(vs -> vs.stream().anyMatch(v -> !(v instanceof GeneratedLine.StringValue)));
    }

    private Arbitrary<String> tagKeys() {
        return Arbitraries.frequencyOf(Tuple.of(6, names()), Tuple.of(1, Arbitraries.of("serial", "drive", "disk", "device")))
                .filter(k -> !k.equals("host") && !k.equals("region"));
    }

    /**
     * Names with every character that needs escaping, backslashes, quotes and multi-byte UTF-8 (no tab or
     * other control character: those are refused, see LineProtocolRejectionTest).
     */
    private Arbitrary<String> names() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)),
                Tuple.of(3, Arbitraries.of(",", " ", "=", "\\", "\\\\", "\"", "#", "'", "-", "_", "0", "1.5")),
                Tuple.of(1, Arbitraries.of("é", "日本", "😀", "ß")));
        return piece.list().ofMinSize(1).ofMaxSize(4).map(ps -> String.join("", ps));
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(22);
        Arbitrary<String> exponent = Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "-", "+"),
                Arbitraries.integers().between(0, 400)).as((e, s, n) -> e + s + n).optional(0.4).map(o -> o.orElse(""));
        return Combinators.combine(Arbitraries.of("", "-"), digits, Arbitraries.of("", "."), digits, exponent)
                .as((sign, i, point, f, e) -> sign + i + point + f + e)
                .filter(s -> s.matches("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?"));
    }

    @Provide
    Arbitrary<Long> mantissas() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs().between(0, 1L << 53)), Tuple.of(1, Arbitraries.longs().between(0, 999_999)),
                Tuple.of(1, Arbitraries.longs().between(1L << 53, Long.MAX_VALUE)));
    }
}
