package io.harbinger.parsers.smartctl;

import io.harbinger.schema.disk.SmartFields;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.BitSet;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SMART readings of one {@code smartctl --json} device document, as fields (names in
 * {@link SmartFields}): overall status, temperature, power-on hours, capacity, the ATA attribute table,
 * the NVMe health log and the SCSI counters.
 */
final class SmartctlReadings {
    /** Members whose presence means the document carries SMART readings, not just identity. */
    static final String[] READING_MEMBERS = {"smart_status", "ata_smart_attributes", "nvme_smart_health_information_log",
            "scsi_error_counter_log", "scsi_grown_defect_list", "power_on_time"};

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");
    private static final String[] SCSI_OPERATIONS = {"read", "write", "verify"};
    private static final int MAX_PRINTED_DIGITS = 18;

    private SmartctlReadings() {
    }

    static boolean hasReadings(JsonNode root) {
        for (String member : READING_MEMBERS) {
            if (!PointParts.isAbsent(root.get(member))) return true;
        }
        return false;
    }

    static void collect(JsonNode root, PointParts out) {
        out.flag(SmartFields.SMART_STATUS_PASSED, root.path("smart_status").path("passed"), "smart_status.passed");
        out.number(SmartFields.TEMPERATURE_C, root.path("temperature").path("current"), "temperature.current");
        out.number(SmartFields.POWER_ON_HOURS, root.path("power_on_time").path("hours"), "power_on_time.hours");
        out.number(SmartFields.POWER_CYCLE_COUNT, root.get("power_cycle_count"), "power_cycle_count");
        capacity(root, out);
        ataAttributes(root.path("ata_smart_attributes").path("table"), out);
        nvmeHealthLog(root.path("nvme_smart_health_information_log"), out);
        scsi(root, out);
    }

    private static void capacity(JsonNode root, PointParts out) {
        JsonNode bytes = root.path("user_capacity").path("bytes");
        if (PointParts.isAbsent(bytes)) {
            out.number(SmartFields.CAPACITY_BYTES, root.get("nvme_total_capacity"), "nvme_total_capacity");
        } else {
            out.number(SmartFields.CAPACITY_BYTES, bytes, "user_capacity.bytes");
        }
    }

    private static void ataAttributes(JsonNode table, PointParts out) {
        if (PointParts.isAbsent(table)) return;
        if (!table.isArray()) {
            out.problem("ata_smart_attributes.table is " + JsonDocument.typeOf(table) + ", expected an array");
            return;
        }
        BitSet seen = new BitSet(SmartFields.MAX_ATTRIBUTE + 1);
        for (int i = 0; i < table.size(); i++) {
            ataAttribute(table.get(i), "ata_smart_attributes.table[" + i + "]", seen, out);
        }
    }

    private static void ataAttribute(JsonNode entry, String path, BitSet seen, PointParts out) {
        JsonNode idNode = entry.path("id");
        if (!idNode.isIntegralNumber() || !SmartFields.isAttributeId(idNode.asLong())) {
            out.problem(path + ".id is " + describe(idNode) + ", expected an attribute id "
                    + SmartFields.MIN_ATTRIBUTE + ".." + SmartFields.MAX_ATTRIBUTE);
            return;
        }
        int id = idNode.intValue();
        if (seen.get(id)) {
            out.problem(path + ": attribute " + id + " is listed twice");
            return;
        }
        seen.set(id);
        out.number(SmartFields.normalized(id), entry.get("value"), path + ".value");
        raw(id, entry.path("raw"), path + ".raw", out);
    }

    /**
     * The raw value as smartctl prints it (what Backblaze records). That is {@code raw.value}, except for
     * attributes smartctl prints in a packed form, a number followed by detail ({@code "32 (Min/Max 24/38)"},
     * {@code "2725 (151 234 0)"}, {@code "2725h+30m"}): then the leading number, since {@code raw.value}
     * also holds the detail bytes. Without {@code raw.string} the packing is undone by
     * {@link SmartFields#printedRaw}.
     */
    private static void raw(int id, JsonNode raw, String path, PointParts out) {
        JsonNode printed = raw.path("string");
        long leading = printed.isTextual() ? packedLeadingNumber(printed.textValue()) : -1;
        if (leading >= 0) {
            out.add(SmartFields.raw(id), leading);
            return;
        }
        JsonNode value = raw.get("value");
        if (!printed.isTextual() && value != null && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            out.add(SmartFields.raw(id), SmartFields.printedRaw(id, value.longValue()));
        } else {
            out.number(SmartFields.raw(id), value, path + ".value");
        }
    }

    /** @return the number {@code text} starts with when detail follows it (a space or 'h' and more), else -1 */
    static long packedLeadingNumber(String text) {
        int digits = 0;
        while (digits < text.length() && digits <= MAX_PRINTED_DIGITS && isAsciiDigit(text.charAt(digits))) digits++;
        if (digits == 0 || digits > MAX_PRINTED_DIGITS || digits + 1 >= text.length()) return -1;
        char next = text.charAt(digits);
        return next == ' ' || next == 'h' ? Long.parseLong(text, 0, digits, 10) : -1;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Every numeric member becomes {@code nvme_<name>}; arrays of numbers {@code nvme_<name>_1..n}. The health
     * log's members the assessments read are named in {@link SmartFields} ({@code NVME_*}).
     */
    private static void nvmeHealthLog(JsonNode log, PointParts out) {
        if (PointParts.isAbsent(log)) return;
        if (!log.isObject()) {
            out.problem("nvme_smart_health_information_log is " + JsonDocument.typeOf(log) + ", expected an object");
            return;
        }
        for (Map.Entry<String, JsonNode> member : log.properties()) {
            nvmeMember(member.getKey(), member.getValue(), out);
        }
    }

    private static void nvmeMember(String name, JsonNode value, PointParts out) {
        if (!value.isNumber() && !value.isArray()) return;
        if (!SNAKE_CASE.matcher(name).matches()) {
            out.problem("nvme_smart_health_information_log member '" + shorten(name) + "' is not a snake_case name");
            return;
        }
        if (value.isNumber()) {
            out.add("nvme_" + name, value.asDouble());
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isNumber()) out.add("nvme_" + name + "_" + (i + 1), value.get(i).asDouble());
        }
    }

    private static void scsi(JsonNode root, PointParts out) {
        out.number(SmartFields.SCSI_GROWN_DEFECT_LIST, root.get("scsi_grown_defect_list"), "scsi_grown_defect_list");
        out.number("scsi_percentage_used_endurance_indicator", root.get("scsi_percentage_used_endurance_indicator"),
                "scsi_percentage_used_endurance_indicator");
        JsonNode log = root.path("scsi_error_counter_log");
        for (String op : SCSI_OPERATIONS) {
            JsonNode counters = log.path(op);
            String path = "scsi_error_counter_log." + op;
            out.number(uncorrected(op), counters.get("total_uncorrected_errors"), path + ".total_uncorrected_errors");
            out.number("scsi_" + op + "_corrected_errors", counters.get("total_errors_corrected"), path + ".total_errors_corrected");
            gigabytes("scsi_" + op + "_gigabytes_processed", counters.get("gigabytes_processed"), path + ".gigabytes_processed", out);
        }
    }

    private static String uncorrected(String op) {
        return switch (op) {
            case "read" -> SmartFields.SCSI_READ_UNCORRECTED_ERRORS;
            case "write" -> SmartFields.SCSI_WRITE_UNCORRECTED_ERRORS;
            default -> SmartFields.SCSI_VERIFY_UNCORRECTED_ERRORS;
        };
    }

    /** smartctl writes gigabytes_processed as a decimal string ("176987.332"). */
    private static void gigabytes(String name, JsonNode node, String path, PointParts out) {
        if (node != null && node.isTextual()) {
            if (DECIMAL.matcher(node.textValue()).matches()) {
                out.add(name, Double.parseDouble(node.textValue()));
            } else {
                out.problem(path + " is '" + shorten(node.textValue()) + "', expected a decimal number");
            }
            return;
        }
        out.number(name, node, path);
    }

    private static String describe(JsonNode node) {
        return node.isNumber() ? node.asText() : JsonDocument.typeOf(node);
    }

    static String shorten(String text) {
        return shorten(text, 64);
    }

    static String shorten(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + "...";
    }
}
