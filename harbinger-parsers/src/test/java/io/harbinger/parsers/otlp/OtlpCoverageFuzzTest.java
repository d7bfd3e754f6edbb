package io.harbinger.parsers.otlp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.ParseInvariants;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of OTLP metrics, protobuf and JSON (seeds in
 * {@code src/test/resources/io/harbinger/parsers/otlp/OtlpCoverageFuzzTestInputs/};
 * {@code scripts/fuzz.sh otlp} fuzzes).
 */
class OtlpCoverageFuzzTest {
    private static final ParseContext CTX = ParseInvariants.context();

    /**
     * The first byte chooses the encoding of the rest: even, binary protobuf; odd, OTLP/JSON. Either way
     * the {@link ParseInvariants} hold, and a protobuf request and its OTLP/JSON rendering give the same
     * answer (the two content types map alike), up to the sign of zero: protobuf's JSON parser reads
     * {@code -0.0} as {@code 0.0}, the same value for a metric.
     */
    @FuzzTest
    void parse(byte[] data) throws InvalidProtocolBufferException {
        if (data.length == 0) return;
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        if ((data[0] & 1) == 1) {
            ParseInvariants.check(OtlpMetricsParser.parseJson(body, CTX), CTX);
            return;
        }
        ParseResult binary = OtlpMetricsParser.parseProtobuf(body, CTX);
        List<Point> points = ParseInvariants.check(binary, CTX);
        ExportMetricsServiceRequest request;
        try {
            request = ExportMetricsServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException notProtobuf) {
            return;
        }
        byte[] json = JsonFormat.printer().print(request).getBytes(StandardCharsets.UTF_8);
        ParseResult viaJson = OtlpMetricsParser.parseJson(json, CTX);
        List<Point> jsonPoints = ParseInvariants.check(viaJson, CTX);
        if (!unsignedZeros(jsonPoints).equals(unsignedZeros(points)) || binary.getClass() != viaJson.getClass()) {
            throw new AssertionError("protobuf gave " + binary + " but its OTLP/JSON gave " + viaJson);
        }
    }

    /** The points with {@code -0.0} field values as {@code 0.0}. */
    private static List<Point> unsignedZeros(List<Point> points) {
        return points.stream().map(p -> new Point(p.measurement(), p.region(), p.host(), p.drive(), p.tags(),
                p.fields().stream().map(f -> new Field(f.name(), f.value() + 0.0)).toList(), p.timestampNanos())).toList();
    }
}
