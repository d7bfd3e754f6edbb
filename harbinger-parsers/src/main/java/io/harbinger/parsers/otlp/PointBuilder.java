package io.harbinger.parsers.otlp;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.text.Utf8;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.point.DriveTags;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.opentelemetry.proto.common.v1.KeyValue;

import java.util.ArrayList;
import java.util.List;

/** One data point's identity (measurement, region, host, drive, tags) and timestamp, checked against the name limits. */
final class PointBuilder {
    private final ParseContext ctx;
    private final int maxNameBytes;

    PointBuilder(ParseContext ctx) {
        this.ctx = ctx;
        this.maxNameBytes = ctx.limits().maxNameBytes();
    }

    sealed interface Built permits Built.Ok, Built.Refused {
        record Ok(Point point) implements Built {
        }

        record Refused(RejectReason reason, String detail) implements Built {
        }
    }

    Built build(String measurement, List<KeyValue> attributes, List<Field> fields, long timeUnixNano, ResourceIdentity resource) {
        if (measurement.isEmpty()) return new Built.Refused(RejectReason.MALFORMED, "metric has an empty name");
        if (tooLong(measurement)) return new Built.Refused(RejectReason.MALFORMED, "metric name longer than " + maxNameBytes + " bytes");
        String host = resource.host();
        String region = resource.region();
        List<Tag> tags = new ArrayList<>(attributes.size() + 1);
        for (KeyValue kv : attributes) {
            String key = kv.getKey();
            String value = AttributeValues.toTagValue(kv.getValue());
            if (key.isEmpty()) return new Built.Refused(RejectReason.MALFORMED, "attribute with an empty key (value '" + clip(value) + "')");
            if (tooLong(key) || tooLong(value)) {
                return new Built.Refused(RejectReason.MALFORMED, "attribute '" + clip(key) + "': key or value longer than " + maxNameBytes + " bytes");
            }
            switch (key) {
                case "host" -> host = value.isEmpty() ? host : value;
                case "region" -> region = value.isEmpty() ? region : value;
                default -> tags.add(new Tag(key, value));
            }
        }
        if (!resource.serviceName().isEmpty() && !hasKey(tags, ResourceIdentity.SERVICE_NAME)) {
            if (tooLong(resource.serviceName())) {
                return new Built.Refused(RejectReason.MALFORMED, "resource attribute service.name longer than " + maxNameBytes + " bytes");
            }
            tags.add(new Tag(ResourceIdentity.SERVICE_NAME, resource.serviceName()));
        }
        if (host.isEmpty()) {
            return new Built.Refused(RejectReason.MISSING_HOST,
                    "no host: neither resource attribute host.name or host nor data point attribute host is set, and no default host is configured");
        }
        return new Built.Ok(new Point(measurement, region, host, DriveTags.driveOf(tags), tags, fields, timestamp(timeUnixNano)));
    }

    /** 0 means "not set" in OTLP: the server's now. Unsigned values beyond Long.MAX_VALUE saturate (and fail the window). */
    private long timestamp(long timeUnixNano) {
        if (timeUnixNano == 0) return ctx.nowNanos();
        return timeUnixNano < 0 ? Long.MAX_VALUE : timeUnixNano;
    }

    private boolean tooLong(String s) {
        return Utf8.longerThan(s, maxNameBytes);
    }

    private static boolean hasKey(List<Tag> tags, String key) {
        for (Tag t : tags) {
            if (t.key().equals(key)) return true;
        }
        return false;
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
