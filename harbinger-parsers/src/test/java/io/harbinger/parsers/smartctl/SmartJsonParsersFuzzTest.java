package io.harbinger.parsers.smartctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.harbinger.core.TestData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Random and mutated input never makes an exception escape the JSON disk parsers. */
class SmartJsonParsersFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<BiFunction<byte[], ParseContext, ParseResult>> PARSERS =
            List.of(SmartctlJsonParser::parse, CephTelemetryParser::parse);

    @Property(tries = 300)
    void randomBytes_neverThrow(@ForAll @Size(max = 2048) byte[] bytes) {
        PARSERS.forEach(parser -> assertWellFormed(parser.apply(bytes, DiskPoints.backfill())));
    }

    @Property(tries = 400)
    void realDocumentsWithBytesChanged_neverThrow(@ForAll("realDocuments") byte[] document,
                                                  @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions,
                                                  @ForAll("interestingBytes") byte replacement) {
        byte[] mutated = document.clone();
        for (int position : positions) mutated[position % mutated.length] = replacement;
        PARSERS.forEach(parser -> assertWellFormed(parser.apply(mutated, DiskPoints.backfill())));
        byte[] truncated = Arrays.copyOf(document, positions.getFirst() % document.length);
        PARSERS.forEach(parser -> assertWellFormed(parser.apply(truncated, DiskPoints.backfill())));
    }

    @Property(tries = 1000)
    void realDocumentsWithValuesReplaced_neverThrow(@ForAll("realDocuments") byte[] document,
                                                    @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 100_000) Integer> slots,
                                                    @ForAll @Size(6) List<@From("jsonValues") JsonNode> replacements) throws IOException {
        JsonNode tree = MAPPER.readTree(document);
        for (int i = 0; i < slots.size(); i++) {
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(tree, containers);
            if (containers.isEmpty()) break;
            replaceChild(containers.get(slots.get(i) % containers.size()), slots.get(i) / 7, replacements.get(i));
        }
        byte[] mutated = MAPPER.writeValueAsBytes(tree);
        PARSERS.forEach(parser -> assertWellFormed(parser.apply(mutated, DiskPoints.backfill())));
        PARSERS.forEach(parser -> assertWellFormed(parser.apply(mutated, DiskPoints.backfill().withDefaultHost(""))));
    }

    private static void assertWellFormed(ParseResult result) {
        List<Point> points = switch (result) {
            case ParseResult.Accepted accepted -> accepted.points();
            case ParseResult.Rejected rejected -> {
                assertThat(rejected.rejections()).allSatisfy(r -> assertThat(r.detail()).isNotBlank());
                yield rejected.validPoints();
            }
        };
        assertThat(points).allSatisfy(p -> {
            assertThat(p.measurement()).isEqualTo("smart");
            assertThat(p.host()).isNotEmpty();
            assertThat(p.fields()).allSatisfy(f -> assertThat(Double.isFinite(f.value())).isTrue());
        });
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (!node.isContainerNode() || node.isEmpty()) return;
        out.add(node);
        node.forEach(child -> collectContainers(child, out));
    }

    private static void replaceChild(JsonNode container, int slot, JsonNode replacement) {
        if (container instanceof ArrayNode array) {
            array.set(slot % array.size(), replacement);
        } else if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.set(names.get(slot % names.size()), replacement);
        }
    }

    @Provide
    Arbitrary<byte[]> realDocuments() {
        List<byte[]> documents = new ArrayList<>();
        for (String dir : List.of("smartctl-json", "ceph-telemetry")) {
            try (Stream<Path> files = Files.list(TestData.resolve(dir))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) documents.add(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Arbitraries.of(documents);
    }

    @Provide
    Arbitrary<Byte> interestingBytes() {
        return Arbitraries.oneOf(
                Arbitraries.of((byte) '"', (byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) ',', (byte) ':', (byte) '-',
                        (byte) '.', (byte) 'e', (byte) '0', (byte) '9', (byte) ' ', (byte) '\\', (byte) 0, (byte) 0xFF, (byte) 0xC3),
                Arbitraries.bytes());
    }

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300).map(TextNode::valueOf),
                Arbitraries.longs().map(LongNode::valueOf),
                Arbitraries.longs().between(-2, 300).map(LongNode::valueOf),
                Arbitraries.doubles().map(DoubleNode::valueOf),
                Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -0.0).map(DoubleNode::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(1100)).map(BigIntegerNode::valueOf),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.instance),
                Arbitraries.just(f.arrayNode()),
                Arbitraries.just(f.objectNode()),
                Arbitraries.longs().list().ofMaxSize(4).map(values -> {
                    ArrayNode array = f.arrayNode();
                    values.forEach(array::add);
                    return array;
                }));
    }
}
