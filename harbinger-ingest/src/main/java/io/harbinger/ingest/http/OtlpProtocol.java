package io.harbinger.ingest.http;

import com.google.protobuf.CodedOutputStream;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.parsers.otlp.OtlpMetricsParser;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * OTLP/HTTP metrics, {@code POST /v1/metrics}, binary protobuf ({@code application/x-protobuf}) or
 * JSON ({@code application/json}), answered in the same encoding. Partial success as the protocol
 * defines it: valid data points are written, the refused ones are counted in
 * {@code partial_success.rejected_data_points} with the reasons in {@code error_message}. A body that
 * cannot be decoded at all is a 400 with a {@code google.rpc.Status}.
 */
final class OtlpProtocol implements Protocol {
    static final String PROTOBUF = "application/x-protobuf";
    private static final int INVALID_ARGUMENT = 3;
    private static final int RESOURCE_EXHAUSTED = 8;
    private static final int UNAVAILABLE = 14;

    @Override
    public String name() {
        return "otlp";
    }

    @Override
    public boolean writesPartially() {
        return true;
    }

    @Override
    public Optional<Reply> refuseEarly(RequestInfo request) {
        if (request.contentTypeIs(PROTOBUF) || request.contentTypeIs(Reply.APPLICATION_JSON)) return Optional.empty();
        return Optional.of(status(415, INVALID_ARGUMENT, "Content-Type '" + request.contentType()
                + "' is not supported; send application/x-protobuf or application/json", false));
    }

    @Override
    public ParseResult parse(Body body, RequestInfo request, ParseContext context) {
        return json(request)
                ? OtlpMetricsParser.parseJson(body.exact(), context)
                : OtlpMetricsParser.parseProtobuf(body.exact(), context);
    }

    @Override
    public Reply written(int points, RequestInfo request) {
        return response(ExportMetricsServiceResponse.getDefaultInstance(), request);
    }

    @Override
    public Reply refused(ParseResult.Rejected rejected, int written, RequestInfo request) {
        boolean undecodable = written == 0 && rejected.rejections().getFirst().line() == 0;
        if (undecodable) return status(400, INVALID_ARGUMENT, rejected.message(), json(request));
        ExportMetricsServiceResponse response = ExportMetricsServiceResponse.newBuilder()
                .setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                        .setRejectedDataPoints(rejected.rejectedCount())
                        .setErrorMessage(rejected.message()))
                .build();
        return response(response, request);
    }

    @Override
    public Reply failure(int status, String message, RequestInfo request) {
        int code = switch (status) {
            case 429 -> RESOURCE_EXHAUSTED;
            case 503 -> UNAVAILABLE;
            default -> INVALID_ARGUMENT;
        };
        return status(status, code, message, json(request));
    }

    private static boolean json(RequestInfo request) {
        return request.contentTypeIs(Reply.APPLICATION_JSON);
    }

    private static Reply response(ExportMetricsServiceResponse response, RequestInfo request) {
        if (!json(request)) return new Reply(200, PROTOBUF, response.toByteArray());
        try {
            String body = com.google.protobuf.util.JsonFormat.printer().print(response);
            return Reply.text(200, Reply.APPLICATION_JSON, body);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print an OTLP response as JSON", e);
        }
    }

    /** A google.rpc.Status {code=1, message=2}, encoded by hand: the type is not in protobuf-java. */
    private static Reply status(int httpStatus, int code, String message, boolean json) {
        if (json) return Reply.json(httpStatus, Reply.object().put("code", code).put("message", message));
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeInt32(1, code);
            out.writeString(2, message);
            out.flush();
            return new Reply(httpStatus, PROTOBUF, bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }
}
