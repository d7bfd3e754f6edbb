package io.harbinger.parsers.backblaze;

import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.smartctl.DiskPoints;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Random and mutated input never makes an exception escape, and a damaged row never takes another one down. */
class BackblazeCsvParserFuzzTest {
    private static final int SAMPLE_ROWS = 40;

    @Property(tries = 300)
    void randomBytes_neverThrow(@ForAll @Size(max = 4096) byte[] bytes, @ForAll("fileDates") Optional<LocalDate> fileDate) {
        assertWellFormed(BackblazeCsvParser.parse(bytes, fileDate, DiskPoints.backfill()), bytes);
    }

    @Property(tries = 500)
    void realRowsWithBytesChanged_neverThrow(@ForAll("realSamples") byte[] sample,
                                             @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions,
                                             @ForAll("interestingBytes") byte replacement,
                                             @ForAll("fileDates") Optional<LocalDate> fileDate) {
        byte[] mutated = sample.clone();
        for (int position : positions) mutated[position % mutated.length] = replacement;
        assertWellFormed(BackblazeCsvParser.parse(mutated, fileDate, DiskPoints.backfill()), mutated);
        byte[] truncated = Arrays.copyOf(sample, positions.getFirst() % sample.length);
        assertWellFormed(BackblazeCsvParser.parse(truncated, fileDate, DiskPoints.backfill()), truncated);
    }

    @Property(tries = 500)
    void aDamagedDataRow_leavesEveryOtherRowItsOwnOutcome(@ForAll("realSamples") byte[] sample,
                                                          @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
                                                          @ForAll("interestingBytes") byte replacement) {
        int headerEnd = RowReader.indexOfNewline(sample, 0);
        int target = headerEnd + 1 + position % (sample.length - headerEnd - 1);
        if (sample[target] == '\n' || replacement == '\n') return;
        byte[] mutated = sample.clone();
        mutated[target] = replacement;
        ParseResult result = BackblazeCsvParser.parse(mutated, Optional.empty(), DiskPoints.backfill());
        assertWellFormed(result, mutated);
        assertThat(outcomes(result)).isEqualTo(SAMPLE_ROWS);
    }

    private static long outcomes(ParseResult result) {
        return switch (result) {
            case ParseResult.Accepted accepted -> accepted.points().size();
            case ParseResult.Rejected rejected -> rejected.validPoints().size() + rejected.rejectedCount();
        };
    }

    private static void assertWellFormed(ParseResult result, byte[] input) {
        long lines = 1;
        for (byte b : input) if (b == '\n') lines++;
        assertThat(outcomes(result)).isLessThanOrEqualTo(lines);
        List<Point> points = result instanceof ParseResult.Rejected rejected ? rejected.validPoints() : ((ParseResult.Accepted) result).points();
        assertThat(points).allSatisfy(p -> {
            assertThat(p.drive()).isNotEmpty();
            assertThat(p.fields()).isNotEmpty().allSatisfy(f -> assertThat(Double.isFinite(f.value())).isTrue());
        });
    }

    @Provide
    Arbitrary<byte[]> realSamples() {
        return Arbitraries.of(
                firstRows(BackblazeCsvParserTest.gunzip("backblaze-st4000dm000-2018-h1/2018-01-01.csv.gz")),
                firstRows(BackblazeCsvParserTest.gunzip("backblaze-st4000dm000-2018-h1/2018-03-15.csv.gz")),
                firstRows(BackblazeCsvParserTest.gunzip("backblaze-fullfleet-2013/2013-04-10.csv.gz")));
    }

    /** The header and the first {@link #SAMPLE_ROWS} rows. */
    private static byte[] firstRows(byte[] csv) {
        int end = 0;
        for (int row = 0; row <= SAMPLE_ROWS; row++) end = RowReader.indexOfNewline(csv, end) + 1;
        return Arrays.copyOf(csv, end);
    }

    @Provide
    Arbitrary<Byte> interestingBytes() {
        return Arbitraries.oneOf(
                Arbitraries.of((byte) ',', (byte) '\n', (byte) '\r', (byte) '.', (byte) '-', (byte) '/', (byte) 'e', (byte) 'E',
                        (byte) '0', (byte) '9', (byte) ' ', (byte) '"', (byte) 0, (byte) 0xFF, (byte) 0xC3),
                Arbitraries.bytes());
    }

    @Provide
    Arbitrary<Optional<LocalDate>> fileDates() {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.empty()),
                Arbitraries.of(LocalDate.of(2018, 1, 1), LocalDate.of(1900, 1, 1), LocalDate.MAX, LocalDate.MIN, LocalDate.of(2262, 4, 12))
                        .map(Optional::of));
    }
}
