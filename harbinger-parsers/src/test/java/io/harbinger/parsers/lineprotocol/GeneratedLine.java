package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A point as a test generates it, with the line protocol text a well-behaved client (Telegraf) would
 * write for it and the {@link Point} the parser must make of that text.
 */
record GeneratedLine(String measurement, Optional<String> region, String host, List<Tag> tags, List<Value> values,
                     Optional<Long> timestampUnits) {

    /** One field value and how it is spelled on the wire. */
    sealed interface Value permits FloatValue, IntegerValue, UnsignedValue, BooleanValue, StringValue {
        String key();
    }

    record FloatValue(String key, double value) implements Value {
    }

    record IntegerValue(String key, long value) implements Value {
    }

    record UnsignedValue(String key, long bits) implements Value {
    }

    record BooleanValue(String key, String spelling) implements Value {
    }

    record StringValue(String key, String text) implements Value {
    }

    String write() {
        StringBuilder sb = new StringBuilder(escape(measurement, ", \\"));
        sb.append(",host=").append(escape(host, ", =\\"));
        for (Tag t : tags) sb.append(',').append(escape(t.key(), ", =\\")).append('=').append(escape(t.value(), ", =\\"));
        region.ifPresent(r -> sb.append(",region=").append(escape(r, ", =\\")));
        sb.append(' ');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            Value v = values.get(i);
            sb.append(escape(v.key(), ", =\\")).append('=').append(spell(v));
        }
        timestampUnits.ifPresent(t -> sb.append(' ').append(t));
        return sb.toString();
    }

    Point expected(String defaultRegion, long nowNanos, Precision precision) {
        List<Field> fields = new ArrayList<>();
        for (Value v : values) {
            switch (v) {
                case FloatValue f -> fields.add(new Field(f.key(), f.value()));
                case IntegerValue i -> fields.add(new Field(i.key(), (double) i.value()));
                case UnsignedValue u -> fields.add(new Field(u.key(), new BigInteger(Long.toUnsignedString(u.bits())).doubleValue()));
                case BooleanValue b -> fields.add(new Field(b.key(), b.spelling().toLowerCase().startsWith("t") ? 1 : 0));
                case StringValue ignored -> { }
            }
        }
        long ts = timestampUnits.map(t -> t * precision.nanosPerUnit()).orElse(nowNanos);
        return new Point(measurement, region.orElse(defaultRegion), host, drive(), tags, fields, ts);
    }

    private String drive() {
        for (String key : List.of("serial", "drive", "disk", "device")) {
            for (Tag t : tags) {
                if (t.key().equals(key)) return t.value();
            }
        }
        return "";
    }

    private static String spell(Value v) {
        return switch (v) {
            case FloatValue f -> Double.toString(f.value());
            case IntegerValue i -> i.value() + "i";
            case UnsignedValue u -> Long.toUnsignedString(u.bits()) + "u";
            case BooleanValue b -> b.spelling();
            case StringValue s -> '"' + s.text().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        };
    }

    static String escape(String name, String specials) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (specials.indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }
}
