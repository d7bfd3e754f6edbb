package io.harbinger.predict.feature;

import static io.harbinger.predict.feature.Readings.epochDay;
import static io.harbinger.predict.feature.Readings.historyOf;
import static io.harbinger.predict.feature.Readings.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbinger.predict.feature.DriveHistory.Added;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DriveHistoryTest {
    private static final int RAW_5 = Features.NAMES.indexOf("smart_5_raw");
    private static final int CHANGE_5_7D = Features.NAMES.indexOf("smart_5_change_7d");

    static int[] bits(float[] features) {
        int[] bits = new int[features.length];
        for (int i = 0; i < features.length; i++) bits[i] = Float.floatToRawIntBits(features[i]);
        return bits;
    }

    @Nested
    class Add {
        @Test
        void firstReading_isAdded_andBecomesTheNewestDay() {
            DriveHistory h = new DriveHistory();
            assertThat(h.add(on(3).smart(5, 1).build())).isEqualTo(Added.ADDED);
            assertThat(h.newestDay()).isEqualTo(epochDay(3));
            assertThat(h.isEmpty()).isFalse();
        }

        @Test
        void newestDay_ofAnEmptyHistory_throws() {
            assertThatThrownBy(() -> new DriveHistory().newestDay()).isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
        }

        @Test
        void laterSampleOfTheSameDay_replacesTheReading() {
            DriveHistory h = historyOf(on(3).atHour(6).smart(5, 1));
            assertThat(h.add(on(3).atHour(18).smart(5, 4).build())).isEqualTo(Added.REPLACED);
            assertThat(h.size()).isEqualTo(1);
            assertThat(Features.compute(h, epochDay(3))[RAW_5]).isEqualTo(4f);
        }

        @Test
        void sampleOfTheSameDayWithTheSameTimestamp_replacesTheReading() {
            DriveHistory h = historyOf(on(3).atHour(6).smart(5, 1));
            assertThat(h.add(on(3).atHour(6).smart(5, 2).build())).isEqualTo(Added.REPLACED);
            assertThat(Features.compute(h, epochDay(3))[RAW_5]).isEqualTo(2f);
        }

        @Test
        void earlierSampleOfTheSameDay_isStale_andChangesNothing() {
            DriveHistory h = historyOf(on(3).atHour(18).smart(5, 4));
            byte[] before = h.encode();
            assertThat(h.add(on(3).atHour(6).smart(5, 1).build())).isEqualTo(Added.STALE_SAME_DAY);
            assertThat(Features.compute(h, epochDay(3))[RAW_5]).isEqualTo(4f);
            assertThat(h.encode()).isEqualTo(before);
        }

        @Test
        void lateReadingOfAnEarlierDay_isPutInItsPlace_andUsedByTheChanges() {
            DriveHistory h = historyOf(on(10).smart(5, 9), on(0).smart(5, 1));
            h.add(on(2).smart(5, 3).build());
            assertThat(h.size()).isEqualTo(3);
            assertThat(h.day(0)).isEqualTo(epochDay(0));
            assertThat(h.day(1)).isEqualTo(epochDay(2));
            assertThat(h.day(2)).isEqualTo(epochDay(10));
            assertThat(h.newestDay()).isEqualTo(epochDay(10));
            // day 10's 7-day change is to the newest reading on or before day 3: day 2's
            assertThat(Features.compute(h, epochDay(10))[CHANGE_5_7D]).isEqualTo(6f);
        }

        @Test
        void readingExactlyWindowDaysBeforeTheNewest_isAdded() {
            DriveHistory h = historyOf(on(40).smart(5, 1));
            assertThat(h.add(on(40 - DriveHistory.WINDOW_DAYS).smart(5, 0).build())).isEqualTo(Added.ADDED);
            assertThat(h.size()).isEqualTo(2);
        }

        @Test
        void readingMoreThanWindowDaysBeforeTheNewest_isTooOld_andChangesNothing() {
            DriveHistory h = historyOf(on(40).smart(5, 0));
            byte[] before = h.encode();
            assertThat(h.add(on(40 - DriveHistory.WINDOW_DAYS - 1).smart(5, 7).build())).isEqualTo(Added.TOO_OLD);
            assertThat(h.encode()).isEqualTo(before);
            assertThat(h.historyDays(epochDay(40))).as("first day not moved by a refused reading").isEqualTo(1);
        }

        @Test
        void newReading_evictsReadingsMoreThanWindowDaysBeforeIt() {
            DriveHistory h = historyOf(on(0).smart(5, 1), on(1).smart(5, 2), on(15).smart(5, 3));
            assertThat(h.add(on(31).smart(5, 4).build())).isEqualTo(Added.ADDED);
            assertThat(h.size()).isEqualTo(3);
            assertThat(h.day(0)).as("day 0 is 31 days before day 31: evicted").isEqualTo(epochDay(1));
            assertThat(h.historyDays(epochDay(31))).as("the first day seen outlives eviction").isEqualTo(32);
        }

        @Test
        void manyDays_growTheArrays_andKeepAtMostTheWindow() {
            DriveHistory h = new DriveHistory();
            for (int d = 0; d < 100; d++) assertThat(h.add(on(d).smart(5, d).build())).isEqualTo(Added.ADDED);
            assertThat(h.size()).isEqualTo(DriveHistory.WINDOW_DAYS + 1);
            assertThat(h.day(0)).isEqualTo(epochDay(99 - DriveHistory.WINDOW_DAYS));
            assertThat(Features.compute(h, epochDay(99))[CHANGE_5_7D]).isEqualTo(7f);
        }
    }

    @Nested
    class HistoryDays {
        @Test
        void isOneOnTheFirstDay_andCountsFromTheEarliestReadingEvenWhenItCameLate() {
            DriveHistory h = historyOf(on(5));
            assertThat(h.historyDays(epochDay(5))).isEqualTo(1);
            h.add(on(2).build());
            assertThat(h.historyDays(epochDay(5))).isEqualTo(4);
        }

        @Test
        void isZeroForAnEmptyHistory() {
            assertThat(new DriveHistory().historyDays(epochDay(5))).isZero();
        }
    }

    @Nested
    class Encoding {
        @Test
        void decodedHistory_computesBitIdenticalFeaturesForEveryDay() {
            DriveHistory h = new DriveHistory();
            for (int d = 0; d < 40; d += 1 + d % 3) {
                h.add(Readings.full(d, 1.0 / (d + 3)).smart(5, d / 4).smart(194, Double.NaN).build());
            }
            h.flag(epochDay(30), 10);
            DriveHistory copy = DriveHistory.decode(h.encode());
            assertThat(copy.size()).isEqualTo(h.size());
            for (int i = 0; i < h.size(); i++) {
                long day = h.day(i);
                assertThat(bits(Features.compute(copy, day))).as("day %d", day).isEqualTo(bits(Features.compute(h, day)));
                assertThat(copy.historyDays(day)).isEqualTo(h.historyDays(day));
            }
            assertThat(copy.encode()).isEqualTo(h.encode());
            assertThat(copy.flag(epochDay(35), 10)).as("last flagged day survives encoding").isFalse();
        }

        @Test
        void decodedHistory_acceptsFurtherReadingsLikeTheOriginal() {
            DriveHistory h = historyOf(on(0).smart(5, 1), on(1).smart(5, 2));
            DriveHistory copy = DriveHistory.decode(h.encode());
            for (int d = 2; d < 20; d++) {
                assertThat(copy.add(on(d).smart(5, d).build())).isEqualTo(h.add(on(d).smart(5, d).build()));
            }
            assertThat(copy.encode()).isEqualTo(h.encode());
        }

        @Test
        void emptyHistory_roundTrips() {
            DriveHistory copy = DriveHistory.decode(new DriveHistory().encode());
            assertThat(copy.isEmpty()).isTrue();
            assertThat(copy.add(on(1).build())).isEqualTo(Added.ADDED);
        }

        @Test
        void decode_ofTooFewBytes_throwsNamingTheFormat() {
            assertThatThrownBy(() -> DriveHistory.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an encoded drive history");
            assertThatThrownBy(() -> DriveHistory.decode("garbage".getBytes())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an encoded drive history");
        }

        @Test
        void decode_ofAnotherFormatByte_throws() {
            byte[] bytes = historyOf(on(1)).encode();
            bytes[0] = 99;
            assertThatThrownBy(() -> DriveHistory.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an encoded drive history");
        }

        @Test
        void decode_ofTruncatedOrPaddedBytes_throwsSayingWhere() {
            byte[] bytes = historyOf(on(1), on(2)).encode();
            assertThatThrownBy(() -> DriveHistory.decode(Arrays.copyOf(bytes, bytes.length - 1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("truncated");
            assertThatThrownBy(() -> DriveHistory.decode(Arrays.copyOf(bytes, bytes.length + 8))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("left over after 2 readings");
        }

        @Test
        void decode_ofAReadingCountBeyondTheWindow_throws() {
            byte[] empty = new DriveHistory().encode(); // the count is its last byte
            byte[] bytes = Arrays.copyOf(empty, empty.length);
            bytes[bytes.length - 1] = (byte) (DriveHistory.WINDOW_DAYS + 2);
            assertThatThrownBy(() -> DriveHistory.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining((DriveHistory.WINDOW_DAYS + 2) + " readings");
        }

        @Test
        void encoding_ofAFullMonth_isCompact() {
            DriveHistory h = new DriveHistory();
            for (int d = 0; d <= DriveHistory.WINDOW_DAYS; d++) h.add(on(d).build());
            assertThat(h.encode().length).as("31 readings of 10 whole-number attributes").isLessThan(31 * 10 * 3 + 64);
        }

        @Test
        void wholeFractionalNegativeZeroAndNaNValues_roundTripBitForBit() {
            double[] values = {0.0, -0.0, 1.5, -7, Double.NaN, 1e18, 9.007199254740993E15, Double.MAX_VALUE, -1e300, 42};
            DriveHistory h = new DriveHistory();
            h.add(new DriveReading(0, values.clone(), false));
            double[] next = values.clone();
            next[3] = -8;
            h.add(new DriveReading(DriveReading.NANOS_PER_DAY + 123, next, false));
            DriveHistory copy = DriveHistory.decode(h.encode());
            for (int i = 0; i < 2; i++) {
                for (int s = 0; s < values.length; s++) {
                    assertThat(Double.doubleToRawLongBits(copy.value(i, s))).as("reading %d slot %d", i, s).isEqualTo(Double.doubleToRawLongBits(h.value(i, s)));
                }
            }
            assertThat(copy.encode()).isEqualTo(h.encode());
        }
    }

    @Nested
    class Flag {
        @Test
        void firstFlag_raises() {
            assertThat(new DriveHistory().flag(epochDay(0), 10)).isTrue();
        }

        @Test
        void flagWithinRearmDaysOfTheLastFlag_doesNotRaise_andExtendsTheEpisode() {
            DriveHistory h = new DriveHistory();
            h.flag(epochDay(0), 10);
            assertThat(h.flag(epochDay(10), 10)).as("10 days after: still the same episode").isFalse();
            assertThat(h.flag(epochDay(20), 10)).as("10 days after the previous flag, 20 after the first").isFalse();
            assertThat(h.flag(epochDay(31), 10)).as("11 days after the last flag: a new episode").isTrue();
        }

        @Test
        void flagOfTheSameDayTwice_raisesOnce() {
            DriveHistory h = new DriveHistory();
            assertThat(h.flag(epochDay(5), 10)).isTrue();
            assertThat(h.flag(epochDay(5), 10)).isFalse();
        }

        @Test
        void lateFlagOfAnEarlierDay_raisesNothing_andDoesNotMoveTheLastFlaggedDayBack() {
            DriveHistory h = new DriveHistory();
            h.flag(epochDay(40), 10);
            assertThat(h.flag(epochDay(5), 10)).isFalse();
            assertThat(h.flag(epochDay(51), 10)).as("re-arm counts from day 40, not day 5").isTrue();
        }

        @Test
        void zeroRearmDays_raisesOnEveryNewDay() {
            DriveHistory h = new DriveHistory();
            assertThat(h.flag(epochDay(1), 0)).isTrue();
            assertThat(h.flag(epochDay(1), 0)).isFalse();
            assertThat(h.flag(epochDay(2), 0)).isTrue();
        }
    }
}
