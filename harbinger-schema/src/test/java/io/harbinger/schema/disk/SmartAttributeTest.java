package io.harbinger.schema.disk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmartAttributeTest {
    @Test
    void rawAttributeId_readsOnlyTheCanonicalSmartNRaw() {
        assertThat(SmartFields.rawAttributeId("smart_194_raw")).isEqualTo(194);
        assertThat(SmartFields.rawAttributeId("smart_1_raw")).isEqualTo(1);
        assertThat(SmartFields.rawAttributeId("smart_255_raw")).isEqualTo(255);
        for (String other : List.of("smart_raw", "smart_1944_raw", "smart_256_raw", "smart_0_raw", "smart_05_raw",
                "smart_x_raw", "smart_5_normalized", "smart_5_rawx", "xsmart_5_raw", "")) {
            assertThat(SmartFields.rawAttributeId(other)).as(other).isEqualTo(-1);
        }
    }

    @Test
    void rawAttributeId_isTheInverseOfRaw() {
        for (int id = SmartFields.MIN_ATTRIBUTE; id <= SmartFields.MAX_ATTRIBUTE; id++) {
            assertThat(SmartFields.rawAttributeId(SmartFields.raw(id))).isEqualTo(id);
        }
    }

    @Test
    void ofRawField_findsExactlyTheTrackedAttributes() {
        for (SmartAttribute a : SmartAttribute.ALL) {
            assertThat(SmartAttribute.ofRawField(a.rawField())).isSameAs(a);
            assertThat(SmartAttribute.ofId(a.id())).isSameAs(a);
        }
        assertThat(SmartAttribute.ofRawField("smart_199_raw")).isNull();
        assertThat(SmartAttribute.ofRawField("temperature_c")).isNull();
        assertThat(SmartAttribute.ofId(0)).isNull();
        assertThat(SmartAttribute.ofId(256)).isNull();
    }

    @Test
    void slots_followTheDeclarationOrder_andRuleCountersAreTracked() {
        for (int i = 0; i < SmartAttribute.ALL.size(); i++) assertThat(SmartAttribute.ALL.get(i).slot()).isEqualTo(i);
        assertThat(SmartAttribute.RULE_COUNTERS).extracting(SmartAttribute::id).containsExactly(5, 187, 188, 197, 198);
        assertThat(SmartAttribute.ALL).extracting(SmartAttribute::id).containsExactly(5, 9, 187, 188, 193, 194, 197, 198, 241, 242);
    }
}
