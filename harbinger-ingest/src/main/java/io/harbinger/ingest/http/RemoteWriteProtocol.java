package io.harbinger.ingest.http;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.parsers.prometheus.RemoteWriteParser;

/**
 * Prometheus remote write 1.0, {@code POST /api/v1/write}: a snappy-block-compressed protobuf
 * WriteRequest. All or nothing: Prometheus does not retry a 4xx, so a refused request is dropped by
 * the sender and must not be half-written either.
 */
final class RemoteWriteProtocol implements Protocol {
    private final int maxDecodedBytes;

    RemoteWriteProtocol(IngestConfig config) {
        this.maxDecodedBytes = (int) config.maxDecodedBytes();
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public String passThroughEncoding() {
        return "snappy";
    }

    @Override
    public ParseResult parse(Body body, RequestInfo request, ParseContext context) {
        return RemoteWriteParser.parse(body.exact(), maxDecodedBytes, context);
    }

    @Override
    public Reply written(int points, RequestInfo request) {
        return Reply.noContent();
    }
}
