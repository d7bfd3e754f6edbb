package io.harbinger.core.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharactersTest {

    @Test
    void c0DelAndC1_areControl_butPrintableUnicodeIsNot() {
        assertThat(ControlCharacters.firstIn("ok\u0000")).isEqualTo(2);
        assertThat(ControlCharacters.firstIn("\u007f")).isZero();
        assertThat(ControlCharacters.firstIn("a\u009fb")).isEqualTo(1);
        assertThat(ControlCharacters.firstIn("hôte-日本-\u00a0-😀")).isEqualTo(ControlCharacters.NONE);
    }

    @Test
    void bytes_findC1ControlsAsTheirTwoByteSequence() {
        byte[] utf8 = "é\u0085".getBytes(StandardCharsets.UTF_8);
        assertThat(ControlCharacters.firstIn(utf8, 0, utf8.length)).isEqualTo(2);
        byte[] nbsp = "\u00a0".getBytes(StandardCharsets.UTF_8);
        assertThat(ControlCharacters.firstIn(nbsp, 0, nbsp.length)).isEqualTo(ControlCharacters.NONE);
    }

    @Test
    void printable_escapesControls_andBoundsTheResultNotTheInput() {
        assertThat(ControlCharacters.printable("a\u0000b", 10)).isEqualTo("a\\u0000b");
        String manyControls = "\u0001".repeat(1000);
        assertThat(ControlCharacters.printable(manyControls, 20)).isEqualTo("\\u0001".repeat(4) + "...").hasSizeLessThanOrEqualTo(28);
        assertThat(ControlCharacters.printable("x".repeat(50), 20)).isEqualTo("x".repeat(20) + "...");
    }
}
