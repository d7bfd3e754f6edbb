package io.harbinger.parsers.smartctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.core.text.Utf8;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the tags and fields of one point from a JSON tree. A member that is absent or null is simply
 * not there; a member that is present with the wrong type, or a name or value over the length limit, is a
 * problem, remembered with its JSON path so that the point can be refused with a precise message (the
 * first problem wins).
 */
final class PointParts {
    private final List<Tag> tags = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private final int maxNameBytes;
    private String problem = "";

    PointParts(int maxNameBytes) {
        this.maxNameBytes = maxNameBytes;
    }

    /** Adds tag {@code key} when {@code value} is not empty. */
    void tag(String key, String value) {
        if (value.isEmpty()) return;
        if (Utf8.length(value) > maxNameBytes) {
            problem("tag '" + key + "' value is " + Utf8.length(value) + " bytes long, at most " + maxNameBytes + " allowed");
            return;
        }
        tags.add(new Tag(key, value));
    }

    /** Adds {@code node} as field {@code name} if it is a number; {@code path} names it in messages. */
    void number(String name, JsonNode node, String path) {
        if (isAbsent(node)) return;
        if (node.isNumber()) {
            add(name, node.asDouble());
        } else {
            problem(path + " is " + JsonDocument.typeOf(node) + ", expected a number");
        }
    }

    /** Adds 1 for true and 0 for false. */
    void flag(String name, JsonNode node, String path) {
        if (isAbsent(node)) return;
        if (node.isBoolean()) {
            add(name, node.booleanValue() ? 1 : 0);
        } else {
            problem(path + " is " + JsonDocument.typeOf(node) + ", expected true or false");
        }
    }

    void add(String name, double value) {
        if (Utf8.length(name) > maxNameBytes) {
            problem("field name '" + SmartctlReadings.shorten(name) + "' is longer than " + maxNameBytes + " bytes");
            return;
        }
        fields.add(new Field(name, value));
    }

    void problem(String detail) {
        if (problem.isEmpty()) problem = detail;
    }

    boolean hasProblem() {
        return !problem.isEmpty();
    }

    String problem() {
        return problem;
    }

    List<Tag> tags() {
        return tags;
    }

    List<Field> fields() {
        return fields;
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }
}
