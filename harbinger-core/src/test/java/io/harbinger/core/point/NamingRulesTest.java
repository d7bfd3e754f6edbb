package io.harbinger.core.point;

import io.harbinger.core.text.Utf8;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamingRulesTest {
    @Test
    void driveOf_prefersSerialOverDriveOverDiskOverDevice_whateverTheTagOrder() {
        assertThat(DriveTags.driveOf(List.of(new Tag("device", "d"), new Tag("disk", "sdb"), new Tag("serial", "Z1")))).isEqualTo("Z1");
        assertThat(DriveTags.driveOf(List.of(new Tag("device", "d"), new Tag("disk", "sdb")))).isEqualTo("sdb");
        assertThat(DriveTags.driveOf(List.of(new Tag("dc", "x")))).isEmpty();
    }

    @Property
    void utf8Length_equalsTheJdkEncodersLength_forWellFormedText(@ForAll String s) {
        String wellFormed = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(Utf8.length(wellFormed)).isEqualTo(wellFormed.getBytes(StandardCharsets.UTF_8).length);
        assertThat(Utf8.longerThan(wellFormed, 10)).isEqualTo(wellFormed.getBytes(StandardCharsets.UTF_8).length > 10);
    }
}
