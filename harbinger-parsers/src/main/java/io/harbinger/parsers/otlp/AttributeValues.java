package io.harbinger.parsers.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

import java.util.Base64;
import java.util.List;

/**
 * OTLP attribute values as tag strings: strings as they are, booleans and numbers in Java's
 * notation, bytes in base64, arrays and key/value lists as compact JSON (what the OpenTelemetry
 * specification asks of exporters to non-OTLP formats), an empty value as "".
 */
final class AttributeValues {
    private AttributeValues() {
    }

    static String toTagValue(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            case ARRAY_VALUE, KVLIST_VALUE -> appendJson(new StringBuilder(), value).toString();
            case VALUE_NOT_SET -> "";
        };
    }

    /** The first attribute named {@code key}, stringified, or "" when absent. */
    static String find(List<KeyValue> attributes, String key) {
        for (KeyValue kv : attributes) {
            if (kv.getKey().equals(key)) return toTagValue(kv.getValue());
        }
        return "";
    }

    private static StringBuilder appendJson(StringBuilder sb, AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE, BYTES_VALUE -> appendJsonString(sb, toTagValue(value));
            case BOOL_VALUE, INT_VALUE -> sb.append(toTagValue(value));
            case DOUBLE_VALUE -> appendJsonDouble(sb, value.getDoubleValue());
            case VALUE_NOT_SET -> sb.append("null");
            case ARRAY_VALUE -> {
                sb.append('[');
                List<AnyValue> values = value.getArrayValue().getValuesList();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) sb.append(',');
                    appendJson(sb, values.get(i));
                }
                sb.append(']');
            }
            case KVLIST_VALUE -> {
                sb.append('{');
                List<KeyValue> entries = value.getKvlistValue().getValuesList();
                for (int i = 0; i < entries.size(); i++) {
                    if (i > 0) sb.append(',');
                    appendJsonString(sb, entries.get(i).getKey()).append(':');
                    appendJson(sb, entries.get(i).getValue());
                }
                sb.append('}');
            }
        }
        return sb;
    }

    private static void appendJsonDouble(StringBuilder sb, double d) {
        if (Double.isFinite(d)) sb.append(d);
        else appendJsonString(sb, Double.toString(d)); // JSON has no NaN/Infinity literals
    }

    private static StringBuilder appendJsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"');
    }
}
