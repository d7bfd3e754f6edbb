package io.harbinger.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogBoundsTest {
    @Test
    void listValue_oneQuotedRegion_isUnquoted() {
        assertThat(CatalogBounds.listValue("FOR VALUES IN ('o''hare')")).contains("o'hare");
    }

    @Test
    void listValue_severalValuesOrDefault_isNotOurs() {
        assertThat(CatalogBounds.listValue("FOR VALUES IN ('a', 'b')")).isEmpty();
        assertThat(CatalogBounds.listValue("DEFAULT")).isEmpty();
    }

    @Test
    void range_utcBounds_areParsed() {
        assertThat(CatalogBounds.range("FOR VALUES FROM ('2026-11-28 00:00:00+00') TO ('2026-11-29 00:00:00+00')"))
                .contains(new CatalogBounds.Range(Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2026-11-29T00:00:00Z")));
    }

    @Test
    void range_otherOffsetsAndFractions_areParsedToTheSameInstants() {
        assertThat(CatalogBounds.range("FOR VALUES FROM ('2026-11-28 05:30:00.5+05:30') TO ('2026-11-29 01:00:00+01')"))
                .contains(new CatalogBounds.Range(Instant.parse("2026-11-28T00:00:00.5Z"), Instant.parse("2026-11-29T00:00:00Z")));
    }

    @Test
    void range_minValueOrGarbage_isNotOurs() {
        assertThat(CatalogBounds.range("FOR VALUES FROM (MINVALUE) TO ('2026-11-29 00:00:00+00')")).isEmpty();
        assertThat(CatalogBounds.range("FOR VALUES FROM ('yesterday') TO ('2026-11-29 00:00:00+00')")).isEmpty();
    }

    @Test
    void toCatalog_keepsOurTreeAndLeavesForeignPartitionsOut() {
        PartitionCatalog catalog = Partitions.toCatalog(java.util.List.of(
                new Partitions.CatalogRow("disk_samples", "disk_samples__eu", "FOR VALUES IN ('eu')", false),
                new Partitions.CatalogRow("disk_samples__eu", "disk_samples__eu__20261128",
                        "FOR VALUES FROM ('2026-11-28 00:00:00+00') TO ('2026-11-29 00:00:00+00')", true),
                new Partitions.CatalogRow("disk_samples", "disk_samples_default", "DEFAULT", false),
                new Partitions.CatalogRow("other_table", "other_table_p1", "FOR VALUES IN ('eu')", false)));

        assertThat(catalog.regions()).containsExactly(
                new PartitionCatalog.RegionPartition(PartitionedTable.DISK_SAMPLES, "eu", "disk_samples__eu"));
        assertThat(catalog.ranges()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("disk_samples__eu__20261128");
            assertThat(r.detachPending()).isTrue();
        });
    }
}
