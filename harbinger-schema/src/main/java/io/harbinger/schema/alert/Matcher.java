package io.harbinger.schema.alert;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition of a silence on an alert's labels, with Alertmanager's operators and semantics: a label the
 * alert does not have has the empty value; a regular expression must match the whole value.
 *
 * @param name  the label's name, non-blank
 * @param op    how the value is compared
 * @param value the value, or the regular expression for {@link Op#REGEX} and {@link Op#NOT_REGEX}
 */
public record Matcher(String name, Op op, String value) {
    /** The comparisons, written as in Alertmanager's matchers. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isRegex() {
            return this == REGEX || this == NOT_REGEX;
        }

        public static Optional<Op> ofSymbol(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) return Optional.of(op);
            }
            return Optional.empty();
        }
    }

    public Matcher {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must be a non-blank label name");
        if (op == null) throw new IllegalArgumentException("op must be one of =, !=, =~, !~");
        if (value == null) throw new IllegalArgumentException("value must be non-null (empty matches a missing label)");
        if (op.isRegex()) compile(value);
    }

    /** Whether the labels satisfy this condition. */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (op) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case REGEX -> compile(value).matcher(actual).matches();
            case NOT_REGEX -> !compile(value).matcher(actual).matches();
        };
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("value is not a regular expression: " + e.getDescription() + " in '" + regex + "'");
        }
    }
}
