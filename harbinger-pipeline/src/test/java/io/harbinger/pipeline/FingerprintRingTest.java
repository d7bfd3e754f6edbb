package io.harbinger.pipeline;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintRingTest {

    @Test
    void with_keepsTheLast64_oldestFirst() {
        FingerprintRing ring = FingerprintRing.EMPTY;
        for (long fp = 1; fp <= 70; fp++) ring = ring.with(fp);

        assertThat(ring.size()).isEqualTo(64);
        assertThat(ring.oldestFirst()).containsExactly(LongStream.rangeClosed(7, 70).toArray());
        assertThat(ring.contains(6)).isFalse();
        assertThat(ring.contains(7)).isTrue();
    }

    @Test
    void of_rebuildsARingThatBehavesLikeTheOriginal() {
        FingerprintRing ring = FingerprintRing.EMPTY;
        for (long fp = 1; fp <= 70; fp++) ring = ring.with(fp);

        FingerprintRing restored = FingerprintRing.of(ring.oldestFirst());

        assertThat(restored).isEqualTo(ring);
        assertThat(restored.with(71).oldestFirst()).containsExactly(ring.with(71).oldestFirst());
    }

    @Test
    void empty_containsNothing_notEvenZero() {
        assertThat(FingerprintRing.EMPTY.contains(0L)).isFalse();
    }
}
