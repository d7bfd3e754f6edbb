package io.harbinger.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionNamesTest {
    @Test
    void slug_plainLowerCaseRegion_isTheRegionItself() {
        assertThat(PartitionNames.slug("eu_west_1")).isEqualTo("eu_west_1");
        assertThat(PartitionNames.regionPartition(PartitionedTable.DISK_SAMPLES, "eu")).isEqualTo("disk_samples__eu");
    }

    @Test
    void slug_regionsDifferingOnlyInCaseOrPunctuation_getDistinctNames() {
        assertThat(PartitionNames.slug("EU")).startsWith("eu_").isNotEqualTo(PartitionNames.slug("eu"));
        assertThat(PartitionNames.slug("eu-west")).startsWith("eu_west_").isNotEqualTo(PartitionNames.slug("eu_west"));
    }

    @Test
    void slug_noAsciiLetterOrDigit_isAHashWithAPrefix() {
        assertThat(PartitionNames.slug("東京")).matches("x[0-9a-f]{8}");
    }

    @Test
    void literal_doublesSingleQuotes() {
        assertThat(PartitionNames.literal("o'hare")).isEqualTo("'o''hare'");
    }

    @Property(tries = 500)
    void anyRegion_givesAPlainIdentifierWithinPostgresLimit(@ForAll @NotEmpty String region) {
        String slug = PartitionNames.slug(region);
        String longest = PartitionNames.rangePartition(PartitionedTable.DISK_SAMPLES, region, "20261128_part");

        assertThat(slug).matches("[a-z0-9]+(_[a-z0-9]+)*");
        assertThat(longest.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
    }
}
