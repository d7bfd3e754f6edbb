package io.harbinger.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Names and literals for partition DDL. A region is any non-empty string an agent sent, so it never
 * goes into an identifier as is: its slug keeps lower-case ASCII letters and digits, turns every
 * other run into one {@code _} and is cut to {@value #MAX_SLUG} characters; when that changed
 * anything (case, punctuation, length) a hash of the exact region is appended, so distinct regions
 * get distinct names. Levels are joined by {@code __}, which no slug contains:
 * {@code disk_samples__eu_west__20261128}. Every name stays within PostgreSQL's 63 bytes.
 */
final class PartitionNames {
    static final int MAX_SLUG = 24;

    private PartitionNames() {
    }

    static String regionPartition(PartitionedTable table, String region) {
        return table.tableName() + "__" + slug(region);
    }

    static String rangePartition(PartitionedTable table, String region, String suffix) {
        return regionPartition(table, region) + "__" + suffix;
    }

    static String rangeSuffix(Granularity granularity, LocalDate start, boolean wholePeriod) {
        return wholePeriod ? granularity.suffix(start) : Granularity.DAY.suffix(start) + "_part";
    }

    static String slug(String region) {
        String cleaned = region.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        String cut = cleaned.length() > MAX_SLUG ? cleaned.substring(0, MAX_SLUG).replaceAll("_+$", "") : cleaned;
        if (cut.equals(region)) {
            return cut;
        }
        String hash = crc32(region);
        return cut.isEmpty() ? "x" + hash : cut + "_" + hash;
    }

    /** A double-quoted identifier. */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A standard SQL string literal ({@code standard_conforming_strings} is on by default). */
    static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    private static String crc32(String value) {
        CRC32 crc = new CRC32();
        crc.update(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
