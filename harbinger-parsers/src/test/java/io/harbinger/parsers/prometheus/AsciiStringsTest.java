package io.harbinger.parsers.prometheus;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiStringsTest {
    private final AsciiStrings cache = new AsciiStrings();

    @Test
    void sameBytes_giveTheSameStringInstance() {
        byte[] data = "xxinstancexxinstance".getBytes(StandardCharsets.US_ASCII);

        String first = cache.get(data, 2, 8);

        assertThat(first).isEqualTo("instance");
        assertThat(cache.get(data, 12, 8)).isSameAs(first);
    }

    @Test
    void differentBytes_neverReturnAStaleString() {
        for (int i = 0; i < 5000; i++) { // far more distinct strings than slots: collisions replace, never confuse
            String s = "node-" + i;
            assertThat(cache.get(s.getBytes(StandardCharsets.US_ASCII), 0, s.length())).isEqualTo(s);
        }
    }

    @Test
    void longStrings_areDecodedWithoutCaching() {
        String s = "v".repeat(200);
        byte[] data = s.getBytes(StandardCharsets.US_ASCII);

        assertThat(cache.get(data, 0, 200)).isEqualTo(s).isNotSameAs(cache.get(data, 0, 200));
    }
}
