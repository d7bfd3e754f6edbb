package io.harbinger.parsers.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * OTLP/HTTP metrics ({@code POST /v1/metrics}): an {@code ExportMetricsServiceRequest} as binary
 * protobuf or as OTLP/JSON, mapped to points.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>host = resource attribute {@code host.name}, else {@code host}; region = resource attribute
 *       {@code cloud.region}, else {@code region}; else the {@link ParseContext} defaults. A data point
 *       attribute {@code host} or {@code region} overrides the resource's (the general rule that a
 *       point's own tag wins) and, like them, is not kept as a tag. No host at all -> {@code MISSING_HOST}.</li>
 *   <li>measurement = metric name (the unit is not appended); tags = the data point's attributes,
 *       stringified (see {@link AttributeValues}), then {@code service.name} from the resource if
 *       present. Other resource and scope attributes are not kept.</li>
 *   <li>drive = the first present of the tags {@code serial}, {@code drive}, {@code disk},
 *       {@code device}, else "".</li>
 *   <li>Gauge and Sum: one field {@code value} ({@code asDouble}, or {@code asInt} as a double).
 *       Histogram and ExponentialHistogram: {@code count}, plus {@code sum}, {@code min}, {@code max}
 *       when present; bucket counts and bounds are not kept (no consumer needs distributions yet).
 *       Summary: {@code count}, {@code sum}, and one {@code q<quantile>} field per quantile
 *       ({@code q0.5}, {@code q0.99}, {@code q1}).</li>
 *   <li>timestamp = {@code time_unix_nano}; 0 (unset) -> {@link ParseContext#nowNanos()}.</li>
 *   <li>Data points flagged "no recorded value" (the OTLP counterpart of a Prometheus staleness
 *       marker) are skipped silently; a number data point with no value and no such flag is {@code NO_FIELDS}.</li>
 * </ul>
 *
 * <h2>Rejections</h2>
 * The rejection "line" is the 1-based <em>data point index</em> across the whole request, counting
 * every data point of every metric in request order (resource, scope, metric, data point), skipped
 * ones included; the detail repeats it with the metric name. OTLP answers partial success, so a
 * request with refused data points returns {@link ParseResult.Rejected} with the valid ones in
 * {@code validPoints}. A body that cannot be decoded is refused whole (line 0, no valid points):
 * {@code MALFORMED} for bad protobuf or JSON, {@code INVALID_UTF8} for a JSON body that is not UTF-8.
 * {@link io.harbinger.core.admit.IngestLimits#maxLineBytes()} does not apply (no lines); names, keys
 * and values longer than {@link io.harbinger.core.admit.IngestLimits#maxNameBytes()} are {@code MALFORMED}.
 */
public final class OtlpMetricsParser {
    /** OTLP/JSON: lowerCamelCase names, int64 as strings, enums as ints; unknown fields ignored as the spec requires. */
    private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();

    private OtlpMetricsParser() {
    }

    /** {@code Content-Type: application/x-protobuf}. */
    public static ParseResult parseProtobuf(byte[] body, ParseContext ctx) {
        ExportMetricsServiceRequest request;
        try {
            request = ExportMetricsServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            return refused(RejectReason.MALFORMED, "body is not a protobuf ExportMetricsServiceRequest (" + body.length + " bytes): " + e.getMessage());
        }
        return OtlpMapper.map(request, ctx);
    }

    /** {@code Content-Type: application/json} (OTLP/JSON). */
    public static ParseResult parseJson(byte[] body, ParseContext ctx) {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return refused(RejectReason.INVALID_UTF8, "JSON body is not valid UTF-8: " + e.getMessage());
        }
        ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
        try {
            JSON.merge(json, request);
        } catch (InvalidProtocolBufferException e) {
            return refused(RejectReason.MALFORMED, "body is not an OTLP/JSON ExportMetricsServiceRequest (" + body.length + " bytes): " + e.getMessage());
        }
        return OtlpMapper.map(request.build(), ctx);
    }

    private static ParseResult refused(RejectReason reason, String detail) {
        return ParseResult.Rejected.of(Rejection.whole(reason, detail));
    }
}
