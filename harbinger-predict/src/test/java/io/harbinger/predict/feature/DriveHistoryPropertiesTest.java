package io.harbinger.predict.feature;

import static io.harbinger.predict.feature.DriveHistoryTest.bits;
import static org.assertj.core.api.Assertions.assertThat;

import io.harbinger.predict.feature.DriveHistory.Added;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Late and out-of-order samples: whatever order the samples of up to {@value #DAYS} days (a whole window,
 * so nothing is evicted) arrive in, the history ends in the same state and every day has the features it
 * had when its samples came in order. Samples of a day have distinct timestamps (equal ones are a
 * redelivery, whose order cannot matter only if the values are equal too).
 */
class DriveHistoryPropertiesTest {
    private static final int DAYS = DriveHistory.WINDOW_DAYS + 1;

    /** One sample: its day, minute of the day, and attribute values (small counters so that errors grow; some NaN). */
    record Sample(int day, int minute, List<Double> values) {
        DriveReading reading() {
            Readings r = Readings.on(day).atNanos(minute * 60_000_000_000L);
            for (int i = 0; i < values.size(); i++) r.smart(DriveReading.ATTRIBUTES[i], values.get(i));
            return r.build();
        }
    }

    @Provide
    Arbitrary<List<Sample>> inOrder() {
        Arbitrary<Double> value = Arbitraries.integers().between(-1, 6).map(v -> v < 0 ? Double.NaN : (double) v);
        Arbitrary<Sample> sample = Combinators.combine(
                Arbitraries.integers().between(0, DAYS - 1),
                Arbitraries.integers().between(0, 24 * 60 - 1),
                value.list().ofSize(DriveReading.ATTRIBUTES.length)).as(Sample::new);
        return sample.list().ofMinSize(1).ofMaxSize(60)
                .uniqueElements(s -> s.day() * 10_000 + s.minute())
                .map(l -> l.stream().sorted(Comparator.comparingInt(Sample::day).thenComparingInt(Sample::minute)).toList());
    }

    @Provide
    Arbitrary<List<List<Sample>>> inOrderAndShuffled() {
        return inOrder().flatMap(l -> Arbitraries.shuffle(l).map(s -> List.of(l, s)));
    }

    private static DriveHistory feed(List<Sample> samples, List<Added> outcomes) {
        DriveHistory h = new DriveHistory();
        for (Sample s : samples) outcomes.add(h.add(s.reading()));
        return h;
    }

    private static TreeSet<Long> days(List<Sample> samples) {
        TreeSet<Long> days = new TreeSet<>();
        samples.forEach(s -> days.add(Readings.epochDay(s.day())));
        return days;
    }

    @Property
    void shuffledSamples_endInTheSameState_withTheSameFeaturesForEveryDay(@ForAll("inOrderAndShuffled") List<List<Sample>> orders) {
        List<Sample> ordered = orders.get(0);
        List<Added> outcomes = new ArrayList<>();
        DriveHistory expected = feed(ordered, new ArrayList<>());
        DriveHistory actual = feed(orders.get(1), outcomes);

        assertThat(outcomes).doesNotContain(Added.TOO_OLD);
        assertThat(actual.newestDay()).isEqualTo(expected.newestDay());
        for (long day : days(ordered)) {
            assertThat(bits(Features.compute(actual, day))).as("features of day %d", day).isEqualTo(bits(Features.compute(expected, day)));
            assertThat(actual.historyDays(day)).isEqualTo(expected.historyDays(day));
        }
        assertThat(actual.encode()).isEqualTo(expected.encode());
    }

    @Property
    void featuresOfADay_computedWhenItsSamplesCame_equalThoseComputedOnTheFinalState(@ForAll("inOrder") List<Sample> ordered) {
        DriveHistory h = new DriveHistory();
        List<long[]> seen = new ArrayList<>();
        List<float[]> atTheTime = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            h.add(ordered.get(i).reading());
            boolean lastOfItsDay = i + 1 == ordered.size() || ordered.get(i + 1).day() != ordered.get(i).day();
            if (lastOfItsDay) {
                long day = Readings.epochDay(ordered.get(i).day());
                seen.add(new long[] {day});
                atTheTime.add(Features.compute(h, day));
            }
        }
        for (int i = 0; i < seen.size(); i++) {
            long day = seen.get(i)[0];
            assertThat(bits(Features.compute(h, day))).as("features of day %d", day).isEqualTo(bits(atTheTime.get(i)));
        }
    }

    @Property
    void theSampleWithTheLatestTimestampOfADay_wins_whateverTheOrder(@ForAll("inOrderAndShuffled") List<List<Sample>> orders) {
        DriveHistory h = feed(orders.get(1), new ArrayList<>());
        List<Sample> ordered = orders.get(0);
        for (int i = 0; i < ordered.size(); i++) {
            boolean lastOfItsDay = i + 1 == ordered.size() || ordered.get(i + 1).day() != ordered.get(i).day();
            if (!lastOfItsDay) continue;
            Sample latest = ordered.get(i);
            int at = h.atOrBefore(Readings.epochDay(latest.day()));
            for (int slot = 0; slot < DriveReading.ATTRIBUTES.length; slot++) {
                assertThat(h.value(at, slot)).isEqualTo(latest.values().get(slot));
            }
        }
    }
}
