package io.harbinger.schema.cache;

import io.harbinger.schema.topic.CorruptRecordException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvalidationCodecTest {
    private static final Invalidation SOME = new Invalidation(Instant.parse("2026-12-01T10:15:30.123456789Z"), Invalidation.Source.PREDICTIONS,
            List.of(new ChangedKey("eu-1", "h-001", "ZJV0XXXX"), ChangedKey.host("us-2", "hôte-é")));

    @Test
    void encodeThenDecode_givesTheSameInvalidation() {
        assertThat(InvalidationCodec.CODEC.decode(InvalidationCodec.CODEC.encode(SOME))).isEqualTo(SOME);
        Invalidation empty = new Invalidation(Instant.EPOCH, Invalidation.Source.SAMPLES, List.of());
        assertThat(InvalidationCodec.CODEC.decode(InvalidationCodec.CODEC.encode(empty))).isEqualTo(empty);
    }

    @Test
    void decode_everyTruncation_isCorrupt() {
        byte[] bytes = InvalidationCodec.CODEC.encode(SOME);
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> InvalidationCodec.CODEC.decode(cut)).as("first %d bytes", n).isInstanceOf(CorruptRecordException.class);
        }
    }

    @Test
    void decode_unknownVersionSourceOrTrailingBytes_isCorrupt() {
        byte[] bytes = InvalidationCodec.CODEC.encode(SOME);
        byte[] version = bytes.clone();
        version[0] = 2;
        assertThatThrownBy(() -> InvalidationCodec.CODEC.decode(version)).isInstanceOf(CorruptRecordException.class).hasMessageContaining("version 2");
        byte[] source = bytes.clone();
        source[13] = 9;
        assertThatThrownBy(() -> InvalidationCodec.CODEC.decode(source)).isInstanceOf(CorruptRecordException.class).hasMessageContaining("source 9");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> InvalidationCodec.CODEC.decode(longer)).isInstanceOf(CorruptRecordException.class).hasMessageContaining("after its last key");
        assertThatThrownBy(() -> InvalidationCodec.CODEC.decode(null)).isInstanceOf(CorruptRecordException.class);
    }
}
