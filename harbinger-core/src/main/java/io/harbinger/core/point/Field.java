package io.harbinger.core.point;

/**
 * One numeric value of a point. Integers, unsigned integers and booleans (1/0) are carried as
 * doubles: SMART raw counters fit the 53-bit mantissa. Non-finite values are rejected at admission,
 * not here, so that a parser can report them with a line number.
 */
public record Field(String name, double value) {
    public Field {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("field name must be non-empty");
    }
}
