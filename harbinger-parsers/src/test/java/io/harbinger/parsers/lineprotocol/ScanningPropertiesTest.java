package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.text.Utf8;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte-level helpers agree with the obvious (slow) implementations. */
class ScanningPropertiesTest {

    @Property(tries = 3000)
    void utf8Validation_agreesWithTheJdkDecoder(@ForAll("mostlyHighBytes") byte[] bytes) {
        int invalidAt = Utf8.firstInvalid(bytes, 0, bytes.length);

        assertThat(invalidAt == Utf8.VALID).as(Arrays.toString(bytes)).isEqualTo(decodesStrictly(bytes, bytes.length));
        if (invalidAt != Utf8.VALID) {
            assertThat(decodesStrictly(bytes, invalidAt)).as("everything before the reported sequence is valid").isTrue();
        }
    }

    @Property(tries = 3000)
    void lineSplitter_findsTheFirstNewlineAndTellsAsciiLines(@ForAll("mostlyHighBytes") byte[] bytes, @ForAll @IntRange(max = 64) int start) {
        int from = Math.min(start, bytes.length);
        LineSplitter splitter = new LineSplitter();

        int end = splitter.lineEnd(bytes, from, bytes.length);

        int expectedEnd = from;
        while (expectedEnd < bytes.length && bytes[expectedEnd] != '\n') expectedEnd++;
        boolean ascii = true;
        for (int i = from; i < expectedEnd; i++) ascii &= bytes[i] >= 0;
        assertThat(end).isEqualTo(expectedEnd);
        assertThat(splitter.lastLineAscii()).isEqualTo(ascii);
    }

    @Property(tries = 300)
    void byteKeyCache_neverAnswersWithAnotherKeysValue(@ForAll("keys") List<byte[]> keys) {
        ByteKeyCache<String> cache = new ByteKeyCache<>(8);
        Map<String, String> model = new HashMap<>();
        for (byte[] key : keys) {
            byte[] padded = new byte[key.length + 3];
            System.arraycopy(key, 0, padded, 2, key.length);
            String expected = Arrays.toString(key);
            String cached = cache.get(padded, 2, key.length);
            if (cached != null) assertThat(cached).isEqualTo(model.get(expected));
            else cache.put(padded, 2, key.length, expected);
            model.put(expected, expected);
            assertThat(cache.get(key, 0, key.length)).isEqualTo(expected);
        }
    }

    private static boolean decodesStrictly(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<byte[]> mostlyHighBytes() {
        Arbitrary<Byte> lead = Arbitraries.of(0xC2, 0xC0, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF).map(i -> (byte) (int) i);
        Arbitrary<Byte> continuation = Arbitraries.integers().between(0x80, 0xBF).map(i -> (byte) (int) i);
        Arbitrary<Byte> ascii = Arbitraries.of((byte) 'a', (byte) '\n', (byte) ' ', (byte) 0x7F, (byte) 0);
        return Arbitraries.frequencyOf(Tuple.of(2, lead), Tuple.of(4, continuation), Tuple.of(3, ascii), Tuple.of(1, Arbitraries.bytes()))
                .array(byte[].class).ofMaxSize(80);
    }

    @Provide
    Arbitrary<List<byte[]>> keys() {
        return Arbitraries.of((byte) 'a', (byte) 'b', (byte) 0xC3).array(byte[].class).ofMaxSize(20).list().ofMaxSize(200);
    }
}
