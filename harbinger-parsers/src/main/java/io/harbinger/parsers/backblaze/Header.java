package io.harbinger.parsers.backblaze;

import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.schema.disk.SmartFields;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each column of a Drive Stats file is, from its header line: any order, unknown columns
 * ignored. {@code smart_<id>_raw} and {@code smart_<id>_normalized} for ids 1..255 become fields of the
 * same name, {@code capacity_bytes} and {@code failure} too.
 */
final class Header {
    static final byte IGNORED = 0;
    static final byte SERIAL = 1;
    static final byte DATE = 2;
    static final byte MODEL = 3;
    static final byte NUMBER = 4;
    static final byte FAILURE = 5;

    private static final Pattern SMART_COLUMN = Pattern.compile("smart_([0-9]{1,3})_(raw|normalized)");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Per column: one of the kinds above. */
    final byte[] kinds;
    /** Per column: the field name for NUMBER and FAILURE columns, the header name for every column. */
    final String[] fieldNames;
    final String[] names;
    final int numberColumns;

    private Header(byte[] kinds, String[] fieldNames, String[] names) {
        this.kinds = kinds;
        this.fieldNames = fieldNames;
        this.names = names;
        int numbers = 0;
        for (byte kind : kinds) if (kind == NUMBER || kind == FAILURE) numbers++;
        this.numberColumns = numbers;
    }

    int columns() {
        return kinds.length;
    }

    sealed interface Parsed permits Valid, Refused {
    }

    record Valid(Header header) implements Parsed {
    }

    record Refused(Rejection rejection) implements Parsed {
    }

    /** Reads the header line {@code bytes[start, end)}; the date column is required only without a file date. */
    static Parsed parse(byte[] bytes, int start, int end, boolean dateRequired) {
        if (end - start >= UTF8_BOM.length && Arrays.equals(bytes, start, start + UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length)) {
            start += UTF8_BOM.length;
        }
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return new Refused(Rejection.whole(RejectReason.INVALID_UTF8, "the header line is not valid UTF-8"));
        }
        return classify(line.split(",", -1), dateRequired);
    }

    private static Parsed classify(String[] names, boolean dateRequired) {
        byte[] kinds = new byte[names.length];
        String[] fieldNames = new String[names.length];
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < names.length; c++) {
            names[c] = names[c].strip();
            String name = names[c].toLowerCase(Locale.ROOT);
            kinds[c] = kindOf(name);
            fieldNames[c] = fieldNameOf(name, kinds[c]);
            Integer earlier = kinds[c] == IGNORED ? null : seen.putIfAbsent(name, c);
            if (earlier != null) {
                return refuse("column '" + names[c] + "' appears twice in the header (columns " + (earlier + 1) + " and " + (c + 1) + ")");
            }
        }
        List<String> missing = new ArrayList<>();
        if (!seen.containsKey("serial_number")) missing.add("serial_number");
        if (dateRequired && !seen.containsKey("date")) missing.add("date");
        if (!missing.isEmpty()) {
            return refuse("the header lacks the required column(s) " + String.join(", ", missing)
                    + (dateRequired ? " (date is optional when the file's date is given, e.g. from a name like 2018-01-01.csv)" : ""));
        }
        return new Valid(new Header(kinds, fieldNames, names));
    }

    private static byte kindOf(String name) {
        return switch (name) {
            case "serial_number" -> SERIAL;
            case "date" -> DATE;
            case "model" -> MODEL;
            case "failure" -> FAILURE;
            case "capacity_bytes" -> NUMBER;
            default -> smartAttribute(name) > 0 ? NUMBER : IGNORED;
        };
    }

    private static String fieldNameOf(String name, byte kind) {
        if (kind == FAILURE) return SmartFields.FAILURE;
        if (kind != NUMBER) return "";
        if (name.equals("capacity_bytes")) return SmartFields.CAPACITY_BYTES;
        int id = smartAttribute(name);
        return name.endsWith("_raw") ? SmartFields.raw(id) : SmartFields.normalized(id);
    }

    /** @return the attribute id of a {@code smart_<id>_raw|normalized} column, else 0 */
    private static int smartAttribute(String name) {
        Matcher m = SMART_COLUMN.matcher(name);
        if (!m.matches()) return 0;
        int id = Integer.parseInt(m.group(1));
        return SmartFields.isAttributeId(id) ? id : 0;
    }

    private static Refused refuse(String detail) {
        return new Refused(Rejection.whole(RejectReason.MALFORMED, detail));
    }
}
