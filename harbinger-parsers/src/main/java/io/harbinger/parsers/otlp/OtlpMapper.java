package io.harbinger.parsers.otlp;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.ParseResults;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Walks a decoded export request in order (resource, scope, metric, data point) and turns each data
 * point into a point or a rejection; see {@link OtlpMetricsParser} for the rules. One instance per request.
 */
final class OtlpMapper {
    private static final int NO_RECORDED_VALUE = DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE;

    private final ParseContext ctx;
    private final ParseResults results = new ParseResults();
    private final PointBuilder points;
    private long dataPointIndex;

    private OtlpMapper(ParseContext ctx) {
        this.ctx = ctx;
        this.points = new PointBuilder(ctx);
    }

    static ParseResult map(ExportMetricsServiceRequest request, ParseContext ctx) {
        OtlpMapper mapper = new OtlpMapper(ctx);
        for (ResourceMetrics rm : request.getResourceMetricsList()) {
            ResourceIdentity resource = ResourceIdentity.of(rm.getResource(), ctx);
            for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                for (Metric metric : sm.getMetricsList()) mapper.metric(metric, resource);
            }
        }
        return mapper.results.result();
    }

    private void metric(Metric metric, ResourceIdentity resource) {
        String name = metric.getName();
        switch (metric.getDataCase()) {
            case GAUGE -> metric.getGauge().getDataPointsList().forEach(dp -> number(name, dp, resource));
            case SUM -> metric.getSum().getDataPointsList().forEach(dp -> number(name, dp, resource));
            case HISTOGRAM -> metric.getHistogram().getDataPointsList().forEach(dp -> histogram(name, dp, resource));
            case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsList().forEach(dp -> exponential(name, dp, resource));
            case SUMMARY -> metric.getSummary().getDataPointsList().forEach(dp -> summary(name, dp, resource));
            case DATA_NOT_SET -> { } // a metric without data carries no data points to map or refuse
        }
    }

    private void number(String name, NumberDataPoint dp, ResourceIdentity resource) {
        long index = ++dataPointIndex;
        if (noRecordedValue(dp.getFlags())) return;
        if (dp.getValueCase() == NumberDataPoint.ValueCase.VALUE_NOT_SET) {
            refuse(RejectReason.NO_FIELDS, index, name, "number data point has neither asDouble nor asInt (and no no-recorded-value flag)");
            return;
        }
        double value = dp.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? dp.getAsInt() : dp.getAsDouble();
        emit(name, dp.getAttributesList(), List.of(new Field("value", value)), dp.getTimeUnixNano(), index, resource);
    }

    private void histogram(String name, HistogramDataPoint dp, ResourceIdentity resource) {
        long index = ++dataPointIndex;
        if (noRecordedValue(dp.getFlags())) return;
        List<Field> fields = countAndStats(dp.getCount(), dp.hasSum() ? OptionalDouble.of(dp.getSum()) : OptionalDouble.empty(),
                dp.hasMin() ? OptionalDouble.of(dp.getMin()) : OptionalDouble.empty(), dp.hasMax() ? OptionalDouble.of(dp.getMax()) : OptionalDouble.empty());
        emit(name, dp.getAttributesList(), fields, dp.getTimeUnixNano(), index, resource);
    }

    private void exponential(String name, ExponentialHistogramDataPoint dp, ResourceIdentity resource) {
        long index = ++dataPointIndex;
        if (noRecordedValue(dp.getFlags())) return;
        List<Field> fields = countAndStats(dp.getCount(), dp.hasSum() ? OptionalDouble.of(dp.getSum()) : OptionalDouble.empty(),
                dp.hasMin() ? OptionalDouble.of(dp.getMin()) : OptionalDouble.empty(), dp.hasMax() ? OptionalDouble.of(dp.getMax()) : OptionalDouble.empty());
        emit(name, dp.getAttributesList(), fields, dp.getTimeUnixNano(), index, resource);
    }

    /** Histogram fields: count always; sum, min and max only when the data point has them (they are optional). */
    private static List<Field> countAndStats(long count, OptionalDouble sum, OptionalDouble min, OptionalDouble max) {
        List<Field> fields = new ArrayList<>(4);
        fields.add(new Field("count", unsignedToDouble(count)));
        sum.ifPresent(v -> fields.add(new Field("sum", v)));
        min.ifPresent(v -> fields.add(new Field("min", v)));
        max.ifPresent(v -> fields.add(new Field("max", v)));
        return fields;
    }

    private void summary(String name, SummaryDataPoint dp, ResourceIdentity resource) {
        long index = ++dataPointIndex;
        if (noRecordedValue(dp.getFlags())) return;
        List<Field> fields = new ArrayList<>(2 + dp.getQuantileValuesCount());
        fields.add(new Field("count", unsignedToDouble(dp.getCount())));
        fields.add(new Field("sum", dp.getSum()));
        for (SummaryDataPoint.ValueAtQuantile q : dp.getQuantileValuesList()) {
            double quantile = q.getQuantile();
            if (!(quantile >= 0 && quantile <= 1)) {
                refuse(RejectReason.MALFORMED, index, name, "summary quantile " + quantile + " is outside [0, 1]");
                return;
            }
            fields.add(new Field(quantileField(quantile), q.getValue()));
        }
        emit(name, dp.getAttributesList(), fields, dp.getTimeUnixNano(), index, resource);
    }

    private void emit(String name, List<KeyValue> attributes, List<Field> fields, long timeUnixNano, long index, ResourceIdentity resource) {
        switch (points.build(name, attributes, fields, timeUnixNano, resource)) {
            case PointBuilder.Built.Refused refused -> refuse(refused.reason(), index, name, refused.detail());
            case PointBuilder.Built.Ok ok -> {
                Rejection refused = ctx.admit(ok.point(), index);
                if (refused == null) results.accept(ok.point());
                else refuse(refused.reason(), index, name, refused.detail());
            }
        }
    }

    private void refuse(RejectReason reason, long index, String metricName, String detail) {
        results.reject(new Rejection(reason, index, "data point " + index + " (metric '" + clip(metricName) + "'): " + detail));
    }

    private static boolean noRecordedValue(int flags) {
        return (flags & NO_RECORDED_VALUE) != 0;
    }

    /** Field name for a summary quantile: 0.5 -> {@code q0.5}, 0.99 -> {@code q0.99}, 1.0 -> {@code q1}. */
    static String quantileField(double quantile) {
        return "q" + BigDecimal.valueOf(quantile).stripTrailingZeros().toPlainString();
    }

    /** OTLP counts are fixed64, unsigned. */
    static double unsignedToDouble(long unsigned) {
        return unsigned >= 0 ? unsigned : (unsigned >>> 1) * 2.0 + (unsigned & 1);
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
