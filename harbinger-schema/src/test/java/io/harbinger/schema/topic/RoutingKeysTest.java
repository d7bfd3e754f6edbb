package io.harbinger.schema.topic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingKeysTest {
    @Test
    void aKey_roundTrips_asUtf8() {
        assertThat(RoutingKeys.CODEC.decode(RoutingKeys.CODEC.encode("eu-zürich/web-1"))).isEqualTo("eu-zürich/web-1");
    }

    @Test
    void invalidUtf8OrNoKey_isCorrupt_namingWhere() {
        assertThatThrownBy(() -> RoutingKeys.CODEC.decode(new byte[]{'e', 'u', (byte) 0xC3, '/'}))
                .isInstanceOf(CorruptRecordException.class).hasMessage("record key is not valid UTF-8 (at byte 2)");
        assertThatThrownBy(() -> RoutingKeys.CODEC.decode(null)).hasMessage("no record key (null)");
    }
}
