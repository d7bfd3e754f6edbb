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
            byte[] empty = new DriveHistory().encode(); // the reading count is its last byte but one (the score count)
            byte[] bytes = Arrays.copyOf(empty, empty.length);
            bytes[bytes.length - 2] = (byte) (DriveHistory.WINDOW_DAYS + 2);
            assertThatThrownBy(() -> DriveHistory.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining((DriveHistory.WINDOW_DAYS + 2) + " readings");
        }

        @Test
        void recentRawProbabilities_roundTripBitForBit() {
            DriveHistory h = historyOf(on(0), on(1), on(3));
            float[] raw = {0.1f, Float.MIN_VALUE, 0.999999f, 1, 0};
            long[] days = {epochDay(0), epochDay(1), epochDay(3), epochDay(4), epochDay(9)};
            for (int i = 0; i < raw.length; i++) h.recordScore(days[i], raw[i]);
            DriveHistory copy = DriveHistory.decode(h.encode());
            assertThat(copy.scoreCount()).isEqualTo(raw.length);
            for (int i = 0; i < raw.length; i++) {
                assertThat(copy.scoreDay(i)).isEqualTo(days[i]);
                assertThat(Float.floatToRawIntBits(copy.score(i))).isEqualTo(Float.floatToRawIntBits(raw[i]));
            }
            assertThat(copy.encode()).isEqualTo(h.encode());
        }

        @Test
        void encoding_ofTheScoresOfTwoWeeks_addsAboutFiveBytesADay() {
            DriveHistory h = new DriveHistory();
            for (int d = 0; d <= DriveHistory.WINDOW_DAYS; d++) h.add(on(d).build());
            int without = h.encode().length;
            for (int d = 0; d <= DriveHistory.WINDOW_DAYS; d++) h.recordScore(epochDay(d), d / 100f);
            assertThat(h.encode().length - without).isEqualTo(DriveHistory.SCORE_DAYS * 5);
        }

        /** Written by the codec of format 2 (before raw probabilities were kept), from {@link #formatTwoHistory}. */
        private static final String FORMAT_2 = "02809302809302869302058093028080c58bc6d1010151a10100c102024049200000000000e103b1048105d105028080c58bc6d1010109"
                + "010001024049a0000000000001090109028080c58bc6d101010901000102404a20000000000001090109028080c58bc6d101010901000102404aa0000000000001090109"
                + "028080c58bc6d101010901000102404b20000000000001090109";

        private static DriveHistory formatTwoHistory() {
            DriveHistory h = new DriveHistory();
            for (int d = 0; d < 5; d++) {
                double[] v = new double[DriveReading.ATTRIBUTES.length];
                for (int s = 0; s < v.length; s++) v[s] = s == 3 ? Double.NaN : s * 10 + d * (s % 2) + (s == 5 ? 0.25 : 0);
                h.add(new DriveReading((17_600L + d) * DriveReading.NANOS_PER_DAY + 3_600_000_000_000L, v, false));
            }
            h.flag(17_603, 10);
            return h;
        }

        @Test
        void aHistoryOfTheOldFormat_stillDecodes_withTheSameReadings_andNoRecentScores() {
            DriveHistory old = DriveHistory.decode(java.util.HexFormat.of().parseHex(FORMAT_2));
            DriveHistory same = formatTwoHistory();
            assertThat(old.scoreCount()).isZero();
            assertThat(old.size()).isEqualTo(5);
            for (int i = 0; i < same.size(); i++) {
                assertThat(bits(Features.compute(old, same.day(i)))).as("day %d", same.day(i)).isEqualTo(bits(Features.compute(same, same.day(i))));
                assertThat(old.stamp(i)).isEqualTo(same.stamp(i));
            }
            assertThat(old.historyDays(17_610)).isEqualTo(11);
            assertThat(old.encode()).as("written again in the new format").isEqualTo(same.encode()).startsWith(HistoryCodec.FORMAT);
            assertThat(old.flag(17_613, 10)).as("last flagged day 17603 kept").isFalse();
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
    class ReadingsOf {
        @Test
        void anAttributesReadingsOfADayRange_inDayOrder_skipReadingsWithoutIt() {
            DriveHistory h = historyOf(on(1).smart(197, 0), on(3).smart(5, 2), on(4).smart(197, 6), on(9).smart(197, 8));
            long[] days = new long[4];
            double[] values = new double[4];
            int n = h.readingsOf(io.harbinger.schema.disk.SmartAttribute.CURRENT_PENDING_SECTORS, epochDay(1), epochDay(4), days, values);
            assertThat(Arrays.copyOf(days, n)).containsExactly(epochDay(1), epochDay(4));
            assertThat(Arrays.copyOf(values, n)).containsExactly(0, 6);
            assertThat(h.hasReadingOn(epochDay(3))).isTrue();
            assertThat(h.hasReadingOn(epochDay(2))).isFalse();
            assertThatThrownBy(() -> h.readingsOf(io.harbinger.schema.disk.SmartAttribute.CURRENT_PENDING_SECTORS, epochDay(0), epochDay(9), new long[2], new double[2]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more readings");
        }
    }

    @Nested
    class Scores {
        private double[] window(DriveHistory h, long from, long to) {
            double[] out = new double[DriveHistory.SCORE_DAYS];
            return Arrays.copyOf(out, h.rawScores(from, to, out));
        }

        @Test
        void recordedScores_areReadBackByDayRange_inDayOrder_whateverOrderTheyCameIn() {
            DriveHistory h = new DriveHistory();
            h.recordScore(10, 0.5f);
            h.recordScore(7, 0.25f);
            h.recordScore(12, 0.75f);
            h.recordScore(8, 0.125f);
            assertThat(window(h, 7, 12)).containsExactly(0.25, 0.125, 0.5, 0.75);
            assertThat(window(h, 8, 11)).containsExactly(0.125, 0.5);
            assertThat(window(h, 13, 20)).isEmpty();
            assertThat(window(h, 0, 6)).isEmpty();
        }

        @Test
        void aDayScoredAgain_replacesItsValue() {
            DriveHistory h = new DriveHistory();
            h.recordScore(3, 0.9f);
            h.recordScore(4, 0.1f);
            h.recordScore(3, 0.2f);
            assertThat(window(h, 0, 10)).containsExactly((double) 0.2f, (double) 0.1f);
        }

        @Test
        void onlyTheLastScoreDaysBeforeTheNewestScoredDay_areKept() {
            DriveHistory h = new DriveHistory();
            for (int d = 0; d < 40; d += 1 + d % 2) h.recordScore(d, d / 64f);
            long newest = 39;
            assertThat(h.scoreDay(0)).isGreaterThan(newest - DriveHistory.SCORE_DAYS);
            assertThat(h.scoreCount()).isLessThanOrEqualTo(DriveHistory.SCORE_DAYS);
            double[] kept = window(h, 0, 100);
            assertThat(kept).containsExactly(window(h, newest - DriveHistory.SCORE_DAYS + 1, newest));
            DriveHistory daily = new DriveHistory();
            for (int d = 0; d < 40; d++) daily.recordScore(d, d / 64f);
            assertThat(daily.scoreCount()).isEqualTo(DriveHistory.SCORE_DAYS);
            assertThat(daily.scoreDay(0)).isEqualTo(40 - DriveHistory.SCORE_DAYS);
        }

        @Test
        void aLateDay_goesInItsPlace_butOneOlderThanTheKeptDays_isDropped() {
            DriveHistory h = new DriveHistory();
            h.recordScore(30, 0.5f);
            h.recordScore(20, 0.25f);
            h.recordScore(30 - DriveHistory.SCORE_DAYS, 0.75f);
            assertThat(window(h, 0, 30)).containsExactly(0.25, 0.5);
            h.recordScore(30 + DriveHistory.SCORE_DAYS - 1, 1f);
            assertThat(window(h, 0, 100)).as("day 20 out of the window of the newest day 43").containsExactly(0.5, 1);
        }

        @Test
        void rawScores_intoTooShortAnArray_throws() {
            DriveHistory h = new DriveHistory();
            h.recordScore(1, 0.5f);
            h.recordScore(2, 0.5f);
            assertThatThrownBy(() -> h.rawScores(0, 5, new double[1])).hasMessage("more than 1 scored days in [0, 5]");
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
