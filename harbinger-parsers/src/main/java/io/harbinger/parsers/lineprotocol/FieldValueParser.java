package io.harbinger.parsers.lineprotocol;

import java.nio.charset.StandardCharsets;

/**
 * Parses one unquoted field value: a float ({@code -1.5}, {@code .5}, {@code 1.}, {@code 5e-05}), an
 * integer ({@code 42i}), an unsigned integer ({@code 42u}) or a boolean. A sign may only be {@code -}.
 * Integers and unsigned integers are range-checked (int64 / uint64) and then carried as doubles.
 *
 * <p>Floats take an exact fast path when the digits fit a 53-bit mantissa and the decimal exponent is
 * within ±22 (both operands are then exact doubles, so one IEEE multiplication or division gives the
 * correctly rounded result, identical to {@link Double#parseDouble}); anything else goes to
 * {@link Double#parseDouble} on the already validated token.
 *
 * <p>Results are left in {@link #value()} (or {@link #errorAt()} and {@link #expected()}): one
 * instance per parse call, no allocation on the fast path.
 */
final class FieldValueParser {
    enum Kind { NUMBER, NON_FINITE, INVALID }

    private static final double[] POWERS_OF_TEN = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    /** Up to here {@code m * 10 + 9} cannot overflow. */
    private static final long MAX_ACCUMULATOR = (Long.MAX_VALUE - 9) / 10;
    private static final long UNSIGNED_MAX_DIV_10 = Long.divideUnsigned(-1L, 10);
    private static final int MAX_EXPONENT_DIGITS_VALUE = 100_000;

    private double value;
    private int errorAt;
    private String expected = "";

    double value() {
        return value;
    }

    int errorAt() {
        return errorAt;
    }

    String expected() {
        return expected;
    }

    /** Parses {@code b[from, to)}, which is non-empty and holds no ',' or ' '. */
    Kind parse(byte[] b, int from, int to) {
        int c = b[from];
        if (c == 't' || c == 'T' || c == 'f' || c == 'F') return parseBoolean(b, from, to);
        if (isNonFiniteWord(b, from, to)) return Kind.NON_FINITE;
        return parseNumber(b, from, to);
    }

    private Kind parseBoolean(byte[] b, int from, int to) {
        int length = to - from;
        boolean valid = switch (length) {
            case 1 -> true;
            case 4 -> matches(b, from, "true") || matches(b, from, "True") || matches(b, from, "TRUE");
            case 5 -> matches(b, from, "false") || matches(b, from, "False") || matches(b, from, "FALSE");
            default -> false;
        };
        if (!valid) return invalid(from, "a boolean (t, T, true, True, TRUE, f, F, false, False or FALSE)");
        int c = b[from];
        value = (c == 't' || c == 'T') ? 1.0 : 0.0;
        return Kind.NUMBER;
    }

    private static boolean matches(byte[] b, int from, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (b[from + i] != word.charAt(i)) return false;
        }
        return true;
    }

    /** NaN, inf or infinity in any case, with an optional '-'. */
    private static boolean isNonFiniteWord(byte[] b, int from, int to) {
        int start = b[from] == '-' ? from + 1 : from;
        int length = to - start;
        if (length != 3 && length != 8) return false;
        int first = b[start] | 0x20;  // lower case
        if (first != 'n' && first != 'i') return false;
        String word = new String(b, start, length, StandardCharsets.ISO_8859_1);
        return word.equalsIgnoreCase("nan") || word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity");
    }

    private Kind parseNumber(byte[] b, int from, int to) {
        int i = from;
        boolean negative = b[i] == '-';
        if (negative) i++;
        long mantissa = 0;
        boolean truncated = false;
        int intStart = i;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) break;
            if (mantissa <= MAX_ACCUMULATOR) mantissa = mantissa * 10 + d;
            else truncated = true;
        }
        int intDigits = i - intStart;
        if (i == to) return intDigits == 0 ? invalid(i, "a digit") : fastOrSlow(b, from, to, negative, mantissa, 0, truncated);
        int c = b[i];
        if (c == 'i' || c == 'u') return parseIntegerSuffix(b, from, to, i, intStart, negative, mantissa, truncated);
        int exponent = 0;
        boolean fraction = c == '.';
        if (fraction) {
            i++;
            int fracStart = i;
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) break;
                if (mantissa <= MAX_ACCUMULATOR) {
                    mantissa = mantissa * 10 + d;
                    exponent--;
                } else {
                    truncated = true;
                }
            }
            if (intDigits + (i - fracStart) == 0) return invalid(i, "a digit");
            if (i == to) return fastOrSlow(b, from, to, negative, mantissa, exponent, truncated);
            c = b[i];
        } else if (intDigits == 0) {
            return invalid(i, negative ? "a digit or '.' after '-'" : "a number, a boolean or a double-quoted string");
        }
        if (c != 'e' && c != 'E') {
            return invalid(i, fraction ? "a digit or an exponent ('e')" : "a digit, '.', 'e', 'i' or 'u'");
        }
        return parseExponent(b, from, to, i + 1, negative, mantissa, exponent, truncated);
    }

    private Kind parseExponent(byte[] b, int from, int to, int i, boolean negative, long mantissa, int exponent, boolean truncated) {
        boolean negativeExponent = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negativeExponent = b[i] == '-';
            i++;
        }
        int digitsStart = i;
        int e = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return invalid(i, "a digit in the exponent");
            if (e < MAX_EXPONENT_DIGITS_VALUE) e = e * 10 + d;
        }
        if (i == digitsStart) return invalid(i, "a digit in the exponent");
        return fastOrSlow(b, from, to, negative, mantissa, exponent + (negativeExponent ? -e : e), truncated);
    }

    private Kind fastOrSlow(byte[] b, int from, int to, boolean negative, long mantissa, int exponent, boolean truncated) {
        if (!truncated && mantissa <= MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
            double m = (double) mantissa;
            double v = exponent < 0 ? m / POWERS_OF_TEN[-exponent] : m * POWERS_OF_TEN[exponent];
            value = negative ? -v : v;
        } else {
            value = Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        }
        return Double.isFinite(value) ? Kind.NUMBER : Kind.NON_FINITE;
    }

    private Kind parseIntegerSuffix(byte[] b, int from, int to, int suffix, int intStart, boolean negative, long mantissa, boolean truncated) {
        boolean unsigned = b[suffix] == 'u';
        if (suffix == intStart) return invalid(suffix, "a digit before the '" + (char) b[suffix] + "' suffix");
        if (suffix + 1 != to) return invalid(suffix + 1, "',' or a space after the '" + (char) b[suffix] + "' suffix");
        if (unsigned && negative) return invalid(from, "an unsigned integer (no '-') before the 'u' suffix");
        if (!truncated) {
            value = (double) (negative ? -mantissa : mantissa);
            return Kind.NUMBER;
        }
        return unsigned ? parseUnsigned(b, intStart, suffix) : parseSigned(b, intStart, suffix, negative);
    }

    private Kind parseSigned(byte[] b, int from, int to, boolean negative) {
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyMin = limit / 10;
        long acc = 0;  // accumulated negatively, as Long.parseLong does, to reach Long.MIN_VALUE
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (acc < multiplyMin) return outOfRange(from, "an integer in [-9223372036854775808, 9223372036854775807]");
            acc *= 10;
            if (acc < limit + d) return outOfRange(from, "an integer in [-9223372036854775808, 9223372036854775807]");
            acc -= d;
        }
        value = (double) (negative ? acc : -acc);
        return Kind.NUMBER;
    }

    private Kind parseUnsigned(byte[] b, int from, int to) {
        long acc = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (Long.compareUnsigned(acc, UNSIGNED_MAX_DIV_10) > 0) return outOfRange(from, "an unsigned integer in [0, 18446744073709551615]");
            long next = acc * 10 + d;
            if (Long.compareUnsigned(next, acc * 10) < 0) return outOfRange(from, "an unsigned integer in [0, 18446744073709551615]");
            acc = next;
        }
        value = acc >= 0 ? (double) acc : ((double) ((acc >>> 1) | (acc & 1))) * 2.0;
        return Kind.NUMBER;
    }

    private Kind outOfRange(int at, String what) {
        return invalid(at, what + " (the value is out of range)");
    }

    private Kind invalid(int at, String what) {
        errorAt = at;
        expected = what;
        return Kind.INVALID;
    }
}
