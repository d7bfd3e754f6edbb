package io.harbinger.parsers.smartctl;

import io.harbinger.schema.disk.SmartFields;
import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.text.Utf8;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Point;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code smartctl --json} report ({@code -x} or {@code -a}) for one device becomes one point,
 * measurement {@value SmartFields#MEASUREMENT}.
 *
 * <ul>
 *   <li>drive: {@code serial_number}; a report without one (from {@code -H} or {@code -A}) is refused
 *       with {@link RejectReason#MISSING_DRIVE}.</li>
 *   <li>host: {@link ParseContext#defaultHost()} (the request's {@code ?host=}), since smartctl does not
 *       name its host; none is {@link RejectReason#MISSING_HOST}. Region: {@link ParseContext#defaultRegion()}.</li>
 *   <li>tags: {@code model} ({@code model_name}, else {@code scsi_model_name}, else vendor and product),
 *       {@code protocol} (ATA, NVMe, SCSI), {@code device_type} (smartctl's {@code -d} type: sat, nvme,
 *       scsi, sat+megaraid,0, ...), {@code firmware_version}.</li>
 *   <li>fields: see {@link SmartctlReadings}; ATA attribute {@code N} is {@code smart_N_raw} and
 *       {@code smart_N_normalized} as described in {@link SmartFields}; NVMe health log entries are
 *       {@code nvme_<name>}; SCSI counters {@code scsi_*}.</li>
 *   <li>timestamp: {@code local_time.time_t} (seconds), else {@link ParseContext#nowNanos()}.</li>
 * </ul>
 *
 * <p>Documents that are not a device report ({@code --scan} or {@code --info} output, an error report)
 * are refused as {@link RejectReason#UNSUPPORTED} with a message saying what to send instead. A known
 * member with the wrong JSON type refuses the document as {@link RejectReason#MALFORMED}, naming its
 * path. Line limits do not apply: a JSON document is not line-oriented (the HTTP layer bounds its size).
 */
public final class SmartctlJsonParser {
    static final long MAX_EPOCH_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

    private SmartctlJsonParser() {
    }

    /** Never throws for any {@code json}; both arguments must be non-null. */
    public static ParseResult parse(byte[] json, ParseContext ctx) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(ctx, "ctx");
        return switch (JsonDocument.read(json, "one smartctl --json device report")) {
            case JsonDocument.Refused refused -> ParseResult.Rejected.of(refused.rejection());
            case JsonDocument.Tree tree -> parseReport(tree.root(), ctx);
        };
    }

    private static ParseResult parseReport(JsonNode root, ParseContext ctx) {
        Optional<Rejection> refusal = SmartctlShape.refusal(root);
        if (refusal.isPresent()) return refused(refusal.get());
        JsonNode serial = root.path("serial_number");
        if (!PointParts.isAbsent(serial) && !serial.isTextual()) {
            return refused(RejectReason.MALFORMED, "serial_number is " + JsonDocument.typeOf(serial) + ", expected a string");
        }
        if (serial.asText("").isBlank()) return refused(SmartctlShape.missingSerial(root));
        if (ctx.defaultHost().isEmpty()) {
            return refused(RejectReason.MISSING_HOST, "smartctl reports do not name their host: pass ?host=<hostname> with the request");
        }
        if (Utf8.length(serial.textValue()) > ctx.limits().maxNameBytes()) {
            return refused(RejectReason.MALFORMED, "serial_number is longer than " + ctx.limits().maxNameBytes() + " bytes");
        }
        return buildPoint(root, serial.textValue(), ctx);
    }

    private static ParseResult buildPoint(JsonNode root, String serial, ParseContext ctx) {
        JsonNode timeT = root.path("local_time").path("time_t");
        if (!PointParts.isAbsent(timeT) && !isEpochSeconds(timeT)) {
            return refused(RejectReason.MALFORMED, "local_time.time_t is " + SmartctlReadings.shorten(timeT.toString()) + ", expected whole seconds since 1970-01-01T00:00Z");
        }
        long timestampNanos = PointParts.isAbsent(timeT) ? ctx.nowNanos() : timeT.longValue() * 1_000_000_000L;
        PointParts parts = new PointParts(ctx.limits().maxNameBytes());
        tags(root, parts);
        SmartctlReadings.collect(root, parts);
        if (parts.hasProblem()) return refused(RejectReason.MALFORMED, parts.problem());
        if (parts.fields().isEmpty()) {
            return refused(RejectReason.NO_FIELDS, SmartctlShape.describeDevice(root) + " has no numeric SMART readings");
        }
        Point point = new Point(SmartFields.MEASUREMENT, ctx.defaultRegion(), ctx.defaultHost(), serial,
                parts.tags(), parts.fields(), timestampNanos);
        Rejection admission = ctx.admit(point, 0);
        return admission == null ? new ParseResult.Accepted(List.of(point)) : refused(admission);
    }

    private static boolean isEpochSeconds(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong() && Math.abs(node.longValue()) <= MAX_EPOCH_SECONDS;
    }

    private static void tags(JsonNode root, PointParts parts) {
        parts.tag(SmartFields.TAG_MODEL, model(root));
        parts.tag(SmartFields.TAG_PROTOCOL, text(root.path("device").path("protocol")));
        parts.tag("device_type", text(root.path("device").path("type")));
        parts.tag("firmware_version", text(root.path("firmware_version")));
    }

    /** {@code model_name}; SCSI reports from smartctl 7.3 on use {@code scsi_model_name} or vendor and product. */
    static String model(JsonNode root) {
        for (String member : new String[] {"model_name", "scsi_model_name"}) {
            String model = text(root.path(member));
            if (!model.isEmpty()) return model;
        }
        String vendorProduct = join(text(root.path("scsi_vendor")), text(root.path("scsi_product")));
        return vendorProduct.isEmpty() ? join(text(root.path("vendor")), text(root.path("product"))) : vendorProduct;
    }

    private static String join(String vendor, String product) {
        return (vendor + " " + product).strip();
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue().strip() : "";
    }

    private static ParseResult refused(RejectReason reason, String detail) {
        return refused(Rejection.whole(reason, detail));
    }

    private static ParseResult refused(Rejection rejection) {
        return ParseResult.Rejected.of(rejection);
    }
}
