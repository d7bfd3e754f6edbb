package io.harbinger.ingest.http;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.PointSink;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The request flow every ingest endpoint shares: size limits (413), admission by waiting time (429,
 * {@link QueueingAdmission}), the in-flight byte budget (429), Content-Encoding, parsing, and the answer only after Kafka acknowledged every point (204/200), or
 * 400 with reasons and nothing written, or 503 when Kafka did not acknowledge in time.
 */
final class IngestHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final Protocol protocol;
    private final IngestConfig config;
    private final InFlightBudget budget;
    private final PointSink sink;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final Gate gate;
    private final QueueingAdmission admission;
    private final ThreadWait threadWait;

    IngestHandler(Protocol protocol, IngestConfig config, InFlightBudget budget, QueueingAdmission admission, ThreadWait threadWait, Gate gate,
                  PointSink sink, Clock clock, IngestMetrics metrics) {
        this.protocol = protocol;
        this.admission = admission;
        this.threadWait = threadWait;
        this.gate = gate;
        this.config = config;
        this.budget = budget;
        this.sink = sink;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx) {
        RequestInfo request = new RequestInfo(ctx.queryParamMap(), ctx.contentType(), headerOrEmpty(ctx, "Idempotency-Key"));
        Reply reply;
        if (gate.enter()) {
            try {
                reply = serve(ctx, request);
            } finally {
                gate.leave();
            }
        } else {
            reply = unavailable("server is shutting down; nothing is acknowledged, retry", request);
        }
        metrics.responded(reply.status());
        send(ctx, reply);
    }

    private Reply serve(Context ctx, RequestInfo request) {
        java.util.Optional<Reply> early = protocol.refuseEarly(request);
        if (early.isPresent()) return early.get();
        long declared = ctx.req().getContentLengthLong();
        if (declared > config.maxBodyBytes()) {
            return tooLarge("request body of " + declared + " bytes exceeds the limit of " + config.maxBodyBytes() + " bytes", request);
        }
        long arrived = arrivedMillis(ctx);
        long now = System.currentTimeMillis();
        long threadWaitMillis = threadWait.millis();
        if (!admission.admit(arrived, now, threadWaitMillis)) return behind(request, now - arrived, threadWaitMillis);
        Reply reply = null;
        try {
            reply = serveAdmitted(ctx, request, declared);
            return reply;
        } finally {
            admission.finished(arrived, System.currentTimeMillis(), reply != null && reply.status() != 429);
        }
    }

    private Reply serveAdmitted(Context ctx, RequestInfo request, long declared) {
        long held = declared >= 0 ? declared : config.maxBodyBytes();
        if (!budget.tryAcquire(held)) return overloaded(request);
        try {
            return serveWithin(ctx, request, declared, held);
        } catch (IOException e) {
            LOG.debug("reading the request body failed", e);
            return protocol.failure(400, "request body could not be read: " + e.getMessage(), request);
        } finally {
            budget.release(held);
        }
    }

    /** When the server read the request's headers (Jetty's stamp), so waiting for a thread or the CPU counts too. */
    private static long arrivedMillis(Context ctx) {
        org.eclipse.jetty.server.Request jetty = org.eclipse.jetty.server.Request.getBaseRequest(ctx.req());
        return jetty != null && jetty.getTimeStamp() > 0 ? jetty.getTimeStamp() : System.currentTimeMillis();
    }

    /** Runs with {@code held} bytes of the budget; gives back whatever extra it takes itself. */
    private Reply serveWithin(Context ctx, RequestInfo request, long declared, long held) throws IOException {
        BodyDecoder.Outcome raw = BodyDecoder.readCapped(ctx.req().getInputStream(), declared, config.maxBodyBytes());
        if (!(raw instanceof BodyDecoder.Decoded rawBody)) return answer(raw, request);
        metrics.received(rawBody.length());
        BodyDecoder.Outcome decoded = BodyDecoder.decode(rawBody, ctx.header("Content-Encoding"), protocol.passThroughEncoding(), config.maxDecodedBytes());
        if (decoded == rawBody && protocol.sniffsGzip() && BodyDecoder.looksGzipped(rawBody)) {
            decoded = BodyDecoder.gunzip(rawBody, config.maxDecodedBytes());
        }
        if (!(decoded instanceof BodyDecoder.Decoded body)) return answer(decoded, request);
        long extra = Math.max(0, body.length() - held);
        if (!budget.tryAcquire(extra)) return overloaded(request);
        try {
            return parseAndWrite(new Protocol.Body(body.bytes(), body.length()), request);
        } finally {
            budget.release(extra);
        }
    }

    private Reply parseAndWrite(Protocol.Body body, RequestInfo request) {
        ParseResult result = protocol.parse(body, request, context(request));
        return switch (result) {
            case ParseResult.Accepted accepted -> write(accepted.points(), request, null);
            case ParseResult.Rejected rejected -> {
                metrics.refused(rejected);
                yield protocol.writesPartially() && !rejected.validPoints().isEmpty()
                        ? write(rejected.validPoints(), request, rejected)
                        : protocol.refused(rejected, 0, request);
            }
        };
    }

    private Reply write(List<Point> points, RequestInfo request, ParseResult.Rejected partial) {
        if (!points.isEmpty()) {
            long start = System.nanoTime();
            try {
                sink.write(points, new PointSink.WriteOptions(request.idempotencyKey()))
                        .toCompletableFuture().get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return unavailable("Kafka did not acknowledge within " + config.ackTimeout() + "; nothing is acknowledged, retry", request);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof PointSink.Overloaded) return overloaded(request);
                LOG.warn("write to Kafka failed: {}", e.getCause().toString());
                return unavailable("Kafka refused the write (" + e.getCause().getClass().getSimpleName() + "); nothing is acknowledged, retry", request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unavailable("server is shutting down; nothing is acknowledged, retry", request);
            }
            metrics.acknowledged(points, System.nanoTime() - start);
        }
        return partial == null ? protocol.written(points.size(), request) : protocol.refused(partial, points.size(), request);
    }

    private ParseContext context(RequestInfo request) {
        String region = request.param("region");
        Instant now = clock.instant();
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return new ParseContext(region.isEmpty() ? config.defaultRegion() : region, request.param("host"),
                nowNanos, protocol.window(config), config.limits());
    }

    private Reply answer(BodyDecoder.Outcome outcome, RequestInfo request) {
        return switch (outcome) {
            case BodyDecoder.TooLarge t -> tooLarge(t.detail(), request);
            case BodyDecoder.Undecodable u -> {
                metrics.refusedWhole(RejectReason.BAD_ENCODING);
                yield protocol.failure(400, u.detail(), request);
            }
            case BodyDecoder.UnsupportedEncoding u -> protocol.failure(415, u.detail(), request);
            case BodyDecoder.Decoded d -> throw new IllegalArgumentException("not a failure: " + d);
        };
    }

    private Reply tooLarge(String detail, RequestInfo request) {
        return protocol.failure(413, detail, request);
    }

    private Reply overloaded(RequestInfo request) {
        return protocol.failure(429, "ingest is at its in-flight limit of " + budget.capacity() + " bytes; retry after "
                + config.retryAfterSeconds() + " s", request);
    }

    private Reply behind(RequestInfo request, long waitedMillis, long threadWaitMillis) {
        String why = waitedMillis > admission.targetMillis() ? "this request waited " + waitedMillis + " ms before it could be looked at"
                : threadWaitMillis > admission.targetMillis() ? "requests wait " + threadWaitMillis + " ms for a thread before they are read"
                : "even the quickest request of the last " + admission.intervalMillis() + " ms took " + admission.lastQuickestMillis()
                  + " ms to be answered";
        return protocol.failure(429, "ingest is behind: " + why + " (target " + admission.targetMillis() + " ms); retry after "
                + config.retryAfterSeconds() + " s", request);
    }

    private Reply unavailable(String message, RequestInfo request) {
        return protocol.failure(503, message, request);
    }

    private void send(Context ctx, Reply reply) {
        ctx.status(reply.status());
        if (reply.status() == 429 || reply.status() == 503) ctx.header("Retry-After", Integer.toString(config.retryAfterSeconds()));
        if (reply.contentType() != null) ctx.contentType(reply.contentType());
        if (reply.body().length > 0) ctx.result(reply.body());
    }

    private static String headerOrEmpty(Context ctx, String name) {
        String value = ctx.header(name);
        return value == null ? "" : value.trim();
    }
}
