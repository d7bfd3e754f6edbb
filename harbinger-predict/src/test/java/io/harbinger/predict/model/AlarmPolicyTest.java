package io.harbinger.predict.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbinger.predict.feature.DriveHistory;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlarmPolicyTest {
    @Test
    void singleDay_scoresEachDayWithItsRawProbability_exactly() {
        long[] days = {3, 4, 9, 10};
        double[] raw = {0.1, 0.9, 0.3, 0.123456789f};
        assertThat(AlarmPolicy.SINGLE_DAY.scores(days, raw)).containsExactly(raw);
    }

    @Test
    void kOfN_isTheKthLargestRawProbabilityOfTheWindow_zeroWithFewerThanKDays() {
        AlarmPolicy twoOfThree = new AlarmPolicy(2, 3);
        long[] days = {1, 2, 3, 4, 5};
        double[] raw = {0.9, 0.1, 0.8, 0.2, 0.3};
        // day 1: one day in [-1, 1] -> 0; day 2: {0.9, 0.1} -> 0.1; day 3: {0.9, 0.1, 0.8} -> 0.8;
        // day 4: {0.1, 0.8, 0.2} -> 0.2; day 5: {0.8, 0.2, 0.3} -> 0.3
        assertThat(twoOfThree.scores(days, raw)).containsExactly(0, 0.1, 0.8, 0.2, 0.3);
    }

    @Test
    void windowsAreCalendarDays_aDayWithoutASampleCountsAsNoScore() {
        AlarmPolicy twoOfThree = new AlarmPolicy(2, 3);
        long[] days = {10, 12, 15, 16, 30};
        double[] raw = {0.7, 0.6, 0.9, 0.8, 0.95};
        // 10: {0.7} -> 0; 12: [10, 12] {0.7, 0.6} -> 0.6; 15: [13, 15] {0.9} -> 0; 16: [14, 16] {0.9, 0.8} -> 0.8; 30: alone -> 0
        assertThat(twoOfThree.scores(days, raw)).containsExactly(0, 0.6, 0, 0.8, 0);
        assertThat(new AlarmPolicy(1, 3).scores(days, raw)).containsExactly(0.7, 0.7, 0.9, 0.9, 0.95);
    }

    @Test
    void alarmsOnDayD_exactlyWhenKOfTheWindowsScoredDaysReachTheThreshold() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(DriveHistory.SCORE_DAYS);
            AlarmPolicy policy = new AlarmPolicy(1 + random.nextInt(n), n);
            int size = 1 + random.nextInt(40);
            long[] days = new long[size];
            double[] raw = new double[size];
            long day = random.nextInt(100);
            for (int i = 0; i < size; i++) {
                day += 1 + (random.nextInt(4) == 0 ? random.nextInt(5) : 0);
                days[i] = day;
                raw[i] = random.nextInt(10) / 10.0;
            }
            double threshold = (1 + random.nextInt(9)) / 10.0;
            double[] scores = policy.scores(days, raw);
            for (int i = 0; i < size; i++) {
                int above = 0;
                for (int j = 0; j <= i; j++) if (days[j] > days[i] - n && raw[j] >= threshold) above++;
                assertThat(scores[i] >= threshold).as("%s, day %d", policy, days[i]).isEqualTo(above >= policy.k());
            }
        }
    }

    @Test
    void record_inTheStream_givesTheOfflineScores_bitForBit_andARescoredDayReplacesItsValue() {
        AlarmPolicy policy = new AlarmPolicy(2, 4);
        long[] days = {1, 2, 4, 5, 6, 9, 10, 11};
        float[] raw = {0.31f, 0.77f, 0.12f, 0.93f, 0.4f, 0.6f, 0.61f, 0.05f};
        double[] asDoubles = new double[raw.length];
        for (int i = 0; i < raw.length; i++) asDoubles[i] = raw[i];
        double[] offline = policy.scores(days, asDoubles);
        DriveHistory history = new DriveHistory();
        for (int i = 0; i < days.length; i++) {
            history.recordScore(days[i], 0.99f); // a first score of the day, replaced
            assertThat(Double.doubleToRawLongBits(policy.record(days[i], raw[i], history))).as("day %d", days[i])
                    .isEqualTo(Double.doubleToRawLongBits(offline[i]));
        }
    }

    @Test
    void constructor_refusesPoliciesOutsideOneToKToNToTheHistorysDays() {
        assertThatThrownBy(() -> new AlarmPolicy(0, 3)).hasMessage("alarm days k must be in 1..n = 3, was 0");
        assertThatThrownBy(() -> new AlarmPolicy(4, 3)).hasMessage("alarm days k must be in 1..n = 3, was 4");
        assertThatThrownBy(() -> new AlarmPolicy(1, 0)).hasMessageContaining("alarm window n must be in 1..14 days").hasMessageContaining("was 0");
        assertThatThrownBy(() -> new AlarmPolicy(1, 15)).hasMessageContaining("was 15");
        assertThat(new AlarmPolicy(14, 14).n()).isEqualTo(14);
    }

    @Test
    void scores_refusesUnorderedDaysAndMismatchedLengths() {
        assertThatThrownBy(() -> AlarmPolicy.SINGLE_DAY.scores(new long[] {1, 1}, new double[2]))
                .hasMessage("days must be strictly increasing: day 1 at index 1 follows 1");
        assertThatThrownBy(() -> AlarmPolicy.SINGLE_DAY.scores(new long[] {1}, new double[2])).hasMessage("1 days but 2 raw probabilities");
        assertThat(AlarmPolicy.SINGLE_DAY.scores(new long[0], new double[0])).isEmpty();
    }
}
