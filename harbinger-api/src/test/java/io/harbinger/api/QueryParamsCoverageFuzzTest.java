package io.harbinger.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.harbinger.core.text.ControlCharacters;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.read.Cursor;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the read API's query and path parameters (seeds in
 * {@code src/test/resources/io/harbinger/api/QueryParamsCoverageFuzzTestInputs/parse/};
 * {@code scripts/fuzz.sh queryparams} fuzzes).
 */
class QueryParamsCoverageFuzzTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    /** The longest 400 message: the parameter, what is wrong, and an 80-character excerpt escaped at most 6-fold. */
    private static final int MAX_MESSAGE_CHARS = 700;

    /**
     * One parameter parser, chosen by the input, on arbitrary text: it either returns a value within its
     * documented bounds or throws {@link BadParameter} naming the parameter, in one short printable line
     * (it becomes the 400 body); no other exception.
     */
    @FuzzTest
    void parse(FuzzedDataProvider data) {
        int which = data.consumeInt(0, 6);
        String value = data.consumeString(400);
        String other = data.consumeRemainingAsString();
        try {
            check(which, value, other);
        } catch (BadParameter e) {
            checkMessage(e.getMessage());
        }
    }

    private static void check(int which, String value, String other) {
        switch (which) {
            case 0 -> {
                int limit = QueryParams.integer("limit", value, QueryParams.DEFAULT_PAGE, 1, QueryParams.MAX_PAGE);
                require(limit >= 1 && limit <= QueryParams.MAX_PAGE, "limit " + limit + " from '" + value + "'");
                require(value.isEmpty() || Integer.parseInt(value.replaceFirst("^\\+", "")) == limit, "limit " + limit + " is not '" + value + "'");
            }
            case 1 -> {
                QueryParams.Range r = QueryParams.range(value, other, NOW);
                require(r.from().isBefore(r.to()) && !Duration.between(r.from(), r.to()).minus(QueryParams.MAX_RANGE).isPositive(), "range " + r);
            }
            case 2 -> {
                QueryParams.OptionalRange r = QueryParams.optionalRange(value, other);
                require(r.from().isEmpty() || r.to().isEmpty() || r.from().get().isBefore(r.to().get()), "range " + r);
            }
            case 3 -> {
                String name = QueryParams.name("host", value);
                require(!name.isBlank() && name.length() <= QueryParams.MAX_NAME && ControlCharacters.firstIn(name) == ControlCharacters.NONE,
                        "name '" + name + "'");
            }
            case 4 -> {
                Set<Bucket> buckets = QueryParams.buckets("bucket", value, EnumSet.of(Bucket.BAD));
                require(!buckets.isEmpty(), "no buckets from '" + value + "'");
            }
            case 5 -> QueryParams.cursor(value, Cursor.Host.class).ifPresent(QueryParamsCoverageFuzzTest::roundTrips);
            default -> QueryParams.cursor(value, Cursor.AtRisk.class).ifPresent(QueryParamsCoverageFuzzTest::roundTrips);
        }
    }

    private static void roundTrips(Cursor c) {
        Optional<? extends Cursor> again = QueryParams.cursor(c.encode(), c.getClass());
        require(again.isPresent() && again.get().equals(c), "cursor " + c + " encoded as " + c.encode() + " decoded to " + again);
    }

    private static void checkMessage(String message) {
        require(message.startsWith("query parameter "), "400 message does not name the parameter: " + message);
        require(message.length() <= MAX_MESSAGE_CHARS, "400 message of " + message.length() + " chars");
        int control = ControlCharacters.firstIn(message);
        require(control == ControlCharacters.NONE, "400 message holds a control character at " + control);
    }

    private static void require(boolean condition, String what) {
        if (!condition) throw new AssertionError(what);
    }
}
