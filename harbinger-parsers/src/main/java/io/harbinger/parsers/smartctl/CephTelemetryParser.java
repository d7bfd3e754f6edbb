package io.harbinger.parsers.smartctl;

import io.harbinger.schema.disk.SmartFields;
import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.text.Utf8;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.ParseResults;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Ceph telemetry device record (the shape Ceph's disk-failure predictor consumes) becomes one point
 * per scrape, with the same names as smartctl reports ({@link SmartFields}):
 * <pre>{ "model": "...", "vendor": "...", "capacity_bytes": N,
 *   "smart_data": { "2020-07-07 00:12:38": { "attr": { "5": {"name": "...", "val_norm": 100, "val_raw": 2}, ... } }, ... } }</pre>
 *
 * <ul>
 *   <li>drive: {@code serial_number}, {@code serial} or {@code device_id} when the record has one. Ceph's
 *       published records have none, so the drive is then {@code <model>_<capacity_bytes>} and the point
 *       carries the tag {@code drive_identity=model_capacity}: two drives of the same model and size in one
 *       upload are indistinguishable, which is all such a record allows.</li>
 *   <li>host: {@link ParseContext#defaultHost()}; region: {@link ParseContext#defaultRegion()}.</li>
 *   <li>tags {@code model}, {@code vendor}; fields {@code capacity_bytes}, {@code smart_N_raw},
 *       {@code smart_N_normalized}. {@code val_raw} is smartctl's packed 48-bit raw value, turned into the
 *       printed value by {@link SmartFields#printedRaw(int, long)}.</li>
 *   <li>timestamp: the scrape key, read as UTC.</li>
 * </ul>
 * A bad scrape is refused with its 1-based position in {@code smart_data} as the line; the others are kept.
 */
public final class CephTelemetryParser {
    static final String DERIVED_IDENTITY_TAG = "drive_identity";
    static final String DERIVED_IDENTITY = "model_capacity";
    private static final Pattern SCRAPE_TIME =
            Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2}):([0-9]{2})");
    private static final String[] IDENTITY_MEMBERS = {"serial_number", "serial", "device_id"};
    private static final String EXPECTED = "a Ceph telemetry device record {\"model\", \"capacity_bytes\", \"smart_data\": {\"<yyyy-MM-dd HH:mm:ss>\": {\"attr\": {...}}}}";

    private CephTelemetryParser() {
    }

    /** Never throws for any {@code json}; both arguments must be non-null. */
    public static ParseResult parse(byte[] json, ParseContext ctx) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(ctx, "ctx");
        return switch (JsonDocument.read(json, EXPECTED)) {
            case JsonDocument.Refused refused -> ParseResult.Rejected.of(refused.rejection());
            case JsonDocument.Tree tree -> parseRecord(tree.root(), ctx);
        };
    }

    private static ParseResult parseRecord(JsonNode root, ParseContext ctx) {
        JsonNode scrapes = root.path("smart_data");
        if (!scrapes.isObject()) {
            String hint = root.has("device") || root.has("smartctl") ? " (this looks like a smartctl --json report: send it to the smartctl endpoint)" : "";
            return refused(RejectReason.UNSUPPORTED, "expected " + EXPECTED + ", found no smart_data object" + hint);
        }
        PointParts record = new PointParts(ctx.limits().maxNameBytes());
        String drive = drive(root, record);
        if (drive.isEmpty()) {
            return refused(RejectReason.MISSING_DRIVE, "the record has no serial_number, serial or device_id, and no model and capacity_bytes to name the drive by");
        }
        if (Utf8.length(drive) > ctx.limits().maxNameBytes()) {
            return refused(RejectReason.MALFORMED, "drive identity '" + SmartctlReadings.shorten(drive) + "' is longer than " + ctx.limits().maxNameBytes() + " bytes");
        }
        if (ctx.defaultHost().isEmpty()) {
            return refused(RejectReason.MISSING_HOST, "Ceph device records do not name their host: pass ?host=<hostname> with the request");
        }
        record.tag(SmartFields.TAG_MODEL, text(root.path("model")));
        record.tag("vendor", text(root.path("vendor")));
        record.number(SmartFields.CAPACITY_BYTES, root.get("capacity_bytes"), "capacity_bytes");
        if (record.hasProblem()) return refused(RejectReason.MALFORMED, record.problem());
        return parseScrapes(scrapes, new Identity(drive, List.copyOf(record.tags()), record.fields()), ctx);
    }

    /** What every scrape's point shares. */
    private record Identity(String drive, List<Tag> tags, List<Field> recordFields) {
    }

    private static String drive(JsonNode root, PointParts record) {
        for (String member : IDENTITY_MEMBERS) {
            String id = text(root.path(member));
            if (!id.isEmpty()) return id;
        }
        String model = text(root.path("model"));
        JsonNode capacity = root.path("capacity_bytes");
        if (model.isEmpty() || !capacity.canConvertToExactIntegral() || !capacity.canConvertToLong()) return "";
        record.tag(DERIVED_IDENTITY_TAG, DERIVED_IDENTITY);
        return model + "_" + capacity.longValue();
    }

    private static ParseResult parseScrapes(JsonNode scrapes, Identity identity, ParseContext ctx) {
        ParseResults results = new ParseResults(scrapes.size());
        long index = 0;
        for (Map.Entry<String, JsonNode> scrape : scrapes.properties()) {
            index++;
            parseScrape(scrape.getKey(), scrape.getValue(), index, identity, ctx, results);
        }
        if (index == 0) return refused(RejectReason.NO_FIELDS, "smart_data is empty: the record has no scrapes");
        return results.result();
    }

    /** Adds the scrape's point, or why it was refused, to {@code results}. */
    private static void parseScrape(String key, JsonNode scrape, long index, Identity identity, ParseContext ctx, ParseResults results) {
        String where = "smart_data['" + SmartctlReadings.shorten(key) + "']";
        OptionalLong seconds = epochSeconds(key);
        if (seconds.isEmpty()) {
            results.reject(new Rejection(RejectReason.MALFORMED, index, where + ": key is not a scrape time 'yyyy-MM-dd HH:mm:ss' (UTC) between 1970 and 2262"));
            return;
        }
        PointParts parts = new PointParts(ctx.limits().maxNameBytes());
        identity.recordFields().forEach(f -> parts.add(f.name(), f.value()));
        attributes(scrape.path("attr"), where + ".attr", parts);
        if (parts.hasProblem()) {
            results.reject(new Rejection(RejectReason.MALFORMED, index, parts.problem()));
        } else if (parts.fields().size() == identity.recordFields().size()) {
            results.reject(new Rejection(RejectReason.NO_FIELDS, index, where + " has no SMART attributes"));
        } else {
            admit(new Point(SmartFields.MEASUREMENT, ctx.defaultRegion(), ctx.defaultHost(), identity.drive(),
                    identity.tags(), parts.fields(), seconds.getAsLong() * 1_000_000_000L), index, ctx, results);
        }
    }

    private static void admit(Point point, long index, ParseContext ctx, ParseResults results) {
        Rejection admission = ctx.admit(point, index);
        if (admission == null) {
            results.accept(point);
        } else {
            results.reject(admission);
        }
    }

    private static void attributes(JsonNode attrs, String path, PointParts parts) {
        if (!attrs.isObject()) {
            parts.problem(path + " is " + JsonDocument.typeOf(attrs) + ", expected an object of attributes by id");
            return;
        }
        for (Map.Entry<String, JsonNode> attr : attrs.properties()) {
            String attrPath = path + "['" + SmartctlReadings.shorten(attr.getKey()) + "']";
            int id = attributeId(attr.getKey());
            if (id < 0) {
                parts.problem(attrPath + ": key is not an attribute id " + SmartFields.MIN_ATTRIBUTE + ".." + SmartFields.MAX_ATTRIBUTE);
                return;
            }
            parts.number(SmartFields.normalized(id), attr.getValue().get("val_norm"), attrPath + ".val_norm");
            raw(id, attr.getValue().get("val_raw"), attrPath + ".val_raw", parts);
        }
    }

    private static void raw(int id, JsonNode raw, String path, PointParts parts) {
        if (raw != null && raw.canConvertToExactIntegral() && raw.canConvertToLong()) {
            parts.add(SmartFields.raw(id), SmartFields.printedRaw(id, raw.longValue()));
        } else {
            parts.number(SmartFields.raw(id), raw, path);
        }
    }

    /** @return the id, or -1 when {@code key} is not a decimal attribute id */
    private static int attributeId(String key) {
        if (key.isEmpty() || key.length() > 3 || !key.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        int id = Integer.parseInt(key);
        return SmartFields.isAttributeId(id) ? id : -1;
    }

    /** @return seconds since the epoch of a UTC scrape time, or empty when {@code key} is not one */
    static OptionalLong epochSeconds(String key) {
        Matcher m = SCRAPE_TIME.matcher(key);
        if (!m.matches()) return OptionalLong.empty();
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return OptionalLong.empty();
        }
        long seconds = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
        return seconds <= SmartctlJsonParser.MAX_EPOCH_SECONDS ? OptionalLong.of(seconds) : OptionalLong.empty();
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue().strip() : "";
    }

    private static ParseResult refused(RejectReason reason, String detail) {
        return ParseResult.Rejected.of(Rejection.whole(reason, detail));
    }
}
