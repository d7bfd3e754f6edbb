package io.harbinger.ingest.http;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.parsers.lineprotocol.LineProtocolParser;
import io.harbinger.parsers.lineprotocol.Precision;

import java.util.Optional;

/**
 * InfluxDB line protocol, {@code POST /write} (1.x: {@code db}, {@code precision} n/u/ms/s/m/h) and
 * {@code POST /api/v2/write} ({@code bucket}, {@code org}, {@code precision} ns/us/ms/s). Database,
 * bucket and org are accepted and ignored: Harbinger has one tenant per deployment. All or nothing:
 * one bad line refuses the request with 400 and nothing is written.
 */
final class InfluxProtocol implements Protocol {
    @Override
    public String name() {
        return "influx";
    }

    @Override
    public ParseResult parse(Body body, RequestInfo request, ParseContext context) {
        String precisionParam = request.param("precision");
        Optional<Precision> precision = Precision.fromQueryParameter(precisionParam);
        if (precision.isEmpty()) {
            return ParseResult.Rejected.of(Rejection.whole(RejectReason.MALFORMED,
                    "query parameter precision='" + precisionParam + "' is not one of " + Precision.ACCEPTED_VALUES));
        }
        return LineProtocolParser.parse(body.bytes(), 0, body.length(), precision.get(), context);
    }

    @Override
    public Reply written(int points, RequestInfo request) {
        return Reply.noContent();
    }
}
