package io.harbinger.parsers.prometheus;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResults;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import java.util.List;

/** Turns one decoded series into points (one per sample) or rejections; see {@link RemoteWriteParser} for the rules. */
final class SeriesMapper {
    /** Prometheus' staleness marker: a NaN with this exact bit pattern means "series ended", not a value. */
    static final long STALE_NAN_BITS = 0x7ff0000000000002L;
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;
    private static final long MIN_MILLIS = Long.MIN_VALUE / 1_000_000L;

    private final ParseContext ctx;
    private final ParseResults results;

    SeriesMapper(ParseContext ctx, ParseResults results) {
        this.ctx = ctx;
        this.results = results;
    }

    void map(SeriesBuffer series, int seriesIndex) {
        if (series.sampleCount() == 0) return;
        switch (SeriesLabels.identify(series, seriesIndex, ctx)) {
            case SeriesLabels.Identity.Refused refused -> results.reject(refused.rejection());
            case SeriesLabels.Identity.Known known -> mapSamples(series, seriesIndex, known);
        }
    }

    private void mapSamples(SeriesBuffer series, int seriesIndex, SeriesLabels.Identity.Known id) {
        for (int i = 0; i < series.sampleCount(); i++) {
            double value = series.sampleValue(i);
            if (Double.doubleToRawLongBits(value) == STALE_NAN_BITS) continue;
            Point point = new Point(id.measurement(), id.region(), id.host(), id.drive(), id.tags(),
                    List.of(new Field("value", value)), millisToNanos(series.sampleMillis(i)));
            Rejection refused = ctx.admit(point, seriesIndex);
            if (refused == null) {
                results.accept(point);
            } else {
                results.reject(new Rejection(refused.reason(), seriesIndex,
                        "series " + seriesIndex + " ('" + id.measurement() + "') sample " + (i + 1) + ": " + refused.detail()));
            }
        }
    }

    /** Saturates instead of overflowing, so absurd timestamps fail the time window with a readable date. */
    static long millisToNanos(long millis) {
        if (millis > MAX_MILLIS) return Long.MAX_VALUE;
        if (millis < MIN_MILLIS) return Long.MIN_VALUE;
        return millis * 1_000_000L;
    }
}
