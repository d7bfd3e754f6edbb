package io.harbinger.parsers.smartctl;

import io.harbinger.core.text.Utf8;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;

import java.io.CharConversionException;
import java.io.IOException;

/**
 * Bytes to a Jackson tree for the JSON disk formats, with every failure turned into a {@link Rejection}:
 * invalid UTF-8 (checked first, so it is never reported as a syntax error), syntax errors with Jackson's
 * line and column, duplicate keys, trailing content after the document.
 */
final class JsonDocument {
    /** Immutable and thread-safe; configured once. */
    private static final ObjectReader READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();

    private JsonDocument() {
    }

    sealed interface Input permits Tree, Refused {
    }

    record Tree(JsonNode root) implements Input {
    }

    record Refused(Rejection rejection) implements Input {
    }

    static Input read(byte[] bytes, String expected) {
        int bad = Utf8.firstInvalid(bytes, 0, bytes.length);
        if (bad != Utf8.VALID) {
            return new Refused(new Rejection(RejectReason.INVALID_UTF8, lineOf(bytes, bad), String.format(
                    "invalid UTF-8 at byte offset %d (byte 0x%02X); send the document as UTF-8", bad, bytes[bad] & 0xFF)));
        }
        try {
            JsonNode root = READER.readTree(bytes);
            return root == null || root.isMissingNode()
                    ? new Refused(Rejection.whole(RejectReason.MALFORMED, "empty document: expected " + expected))
                    : new Tree(root);
        } catch (JsonProcessingException e) {
            return new Refused(syntaxError(e));
        } catch (CharConversionException e) {
            return new Refused(Rejection.whole(RejectReason.BAD_ENCODING, "unreadable text encoding: " + e.getMessage() + "; send UTF-8"));
        } catch (IOException e) {
            return new Refused(Rejection.whole(RejectReason.MALFORMED, "unreadable JSON: " + e.getMessage()));
        }
    }

    private static Rejection syntaxError(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return Rejection.whole(RejectReason.MALFORMED, "invalid JSON: " + e.getOriginalMessage());
        }
        return new Rejection(RejectReason.MALFORMED, at.getLineNr(),
                "invalid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + e.getOriginalMessage());
    }

    /** A short name for the JSON type of {@code node}, for messages. */
    static String typeOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY -> "binary";
            case MISSING -> "missing";
        };
    }

    /** 1-based line of byte {@code offset}, for messages. */
    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }
}
