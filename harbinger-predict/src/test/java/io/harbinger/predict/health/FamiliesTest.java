package io.harbinger.predict.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FamiliesTest {
    @Test
    void aModelFileWithoutFamilies_meansTheShippedOne() {
        assertThat(Families.of(null)).isEqualTo(Families.SHIPPED);
        assertThat(Families.of(" ")).isEqualTo(Families.SHIPPED);
        assertThat(Families.of(" , ")).as("an entry naming no family").isEqualTo(Families.SHIPPED);
    }

    @Test
    void theTrainingEntry_isCommaSeparated_andMatchedByWordOrSmartctlSuffix() {
        Families f = Families.of("ST4000DM000, st8000dm002");

        assertThat(f.covers("ST8000DM002")).isTrue();
        assertThat(f.covers("ST4000DM000-1F2168")).isTrue();
        assertThat(f.covers("SEAGATE ST4000DM000")).isTrue();
        assertThat(f.covers("ST4000DM0001")).isFalse();
        assertThat(f.covers("SEAGATE ST4000NM0043")).isFalse();
        assertThat(f.covers("")).as("unknown model").isTrue();
        assertThat(f).hasToString("ST4000DM000, ST8000DM002");
    }

    @Test
    void noFamilyAtAll_isRefused() {
        assertThatThrownBy(() -> new Families(java.util.List.of(" ", ""))).hasMessageContaining("at least one drive family");
    }
}
