package io.harbinger.core.point;

/** One dimension of a point, e.g. {@code dc=eu-west-2}. */
public record Tag(String key, String value) {
    public Tag {
        if (key == null || key.isEmpty()) throw new IllegalArgumentException("tag key must be non-empty");
        if (value == null) throw new IllegalArgumentException("tag value must be non-null (tag " + key + ")");
    }
}
