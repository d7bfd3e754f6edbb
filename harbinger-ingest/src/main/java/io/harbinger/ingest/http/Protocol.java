package io.harbinger.ingest.http;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;

/**
 * One ingest format: how its body becomes points and how the answer is shaped. The shared request
 * flow (limits, decoding, budget, Kafka ack, metrics) lives in {@link IngestHandler}.
 */
interface Protocol {
    /** Label of this endpoint in metrics, e.g. {@code influx}. */
    String name();

    /** A Content-Encoding the parser undoes itself (remote write's snappy), or null. */
    default String passThroughEncoding() {
        return null;
    }

    /** Whether a body starting with the gzip magic is gunzipped even without Content-Encoding (files posted as they lie on disk). */
    default boolean sniffsGzip() {
        return false;
    }

    /** Which timestamps this endpoint accepts: live endpoints the live window, imports any past date. */
    default TimeWindow window(IngestConfig config) {
        return config.liveWindow();
    }

    /** Whether valid points of a partly refused request are written (OTLP's partial success) or none (all-or-nothing). */
    default boolean writesPartially() {
        return false;
    }

    /** An answer given before the body is read (e.g. 415 for a content type the protocol does not speak), if any. */
    default java.util.Optional<Reply> refuseEarly(RequestInfo request) {
        return java.util.Optional.empty();
    }

    ParseResult parse(Body body, RequestInfo request, ParseContext context);

    /** The answer once every point of the request is durable in Kafka. */
    Reply written(int points, RequestInfo request);

    /**
     * The answer when points were refused ({@code written} of them were written anyway, for
     * partial-success protocols): by default 400 with every listed rejection.
     */
    default Reply refused(ParseResult.Rejected rejected, int written, RequestInfo request) {
        return Reply.rejections(rejected, written);
    }

    /** The answer for a request-level failure (413, 415, 429, 503...). */
    default Reply failure(int status, String message, RequestInfo request) {
        return Reply.jsonError(status, message);
    }

    /** A decoded body: the first {@code length} bytes of {@code bytes}. */
    record Body(byte[] bytes, int length) {
        /** The body as an array of exactly its length (copies only when needed). */
        byte[] exact() {
            return bytes.length == length ? bytes : java.util.Arrays.copyOf(bytes, length);
        }
    }
}
