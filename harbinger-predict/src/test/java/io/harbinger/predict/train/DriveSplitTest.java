package io.harbinger.predict.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DriveSplitTest {
    private static String serial(int i) {
        return String.format("Z30%05d", i);
    }

    @Test
    void heldOut_isDecidedByTheSerialAlone_sameAnswerEveryTime() {
        DriveSplit a = new DriveSplit("harbinger", 400);
        DriveSplit b = new DriveSplit("harbinger", 400);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.heldOut(serial(i))).isEqualTo(b.heldOut(serial(i))).isEqualTo(a.heldOut(serial(i)));
            assertThat(a.trains(serial(i))).isNotEqualTo(a.heldOut(serial(i)));
        }
    }

    @Test
    void heldOutFraction_isAboutThePermilleOver10kSerials() {
        for (int permille : new int[] {100, 400, 750}) {
            DriveSplit split = new DriveSplit("harbinger", permille);
            long held = java.util.stream.IntStream.range(0, 10_000).filter(i -> split.heldOut(serial(i))).count();
            // binomial sd at p=0.4, n=10k is ~49 drives; allow more than 4 sd
            assertThat(held).as("permille %d", permille).isBetween(permille * 10L - 250, permille * 10L + 250);
        }
    }

    @Test
    void noneAndAll_holdOutNoneAndAll() {
        for (int i = 0; i < 500; i++) {
            assertThat(new DriveSplit("s", 0).heldOut(serial(i))).isFalse();
            assertThat(new DriveSplit("s", 1000).heldOut(serial(i))).isTrue();
        }
    }

    @Test
    void aGreaterPermille_holdsOutASuperset() {
        for (int i = 0; i < 2000; i++) {
            if (new DriveSplit("s", 200).heldOut(serial(i))) assertThat(new DriveSplit("s", 600).heldOut(serial(i))).isTrue();
        }
    }

    @Test
    void anotherSalt_holdsOutOtherDrives() {
        long differing = java.util.stream.IntStream.range(0, 2000)
                .filter(i -> new DriveSplit("a", 400).heldOut(serial(i)) != new DriveSplit("b", 400).heldOut(serial(i))).count();
        assertThat(differing).isGreaterThan(500);
    }

    @Test
    void toString_andParse_roundTrip_evenWithAColonInTheSalt() {
        for (DriveSplit s : new DriveSplit[] {DriveSplit.DEFAULT, new DriveSplit("a:b", 7), new DriveSplit("", 0)}) {
            assertThat(DriveSplit.parse(s.toString())).isEqualTo(s);
        }
        assertThat(DriveSplit.DEFAULT).hasToString("harbinger:400");
    }

    @Test
    void parse_ofBadText_andConstructor_ofBadPermille_throw() {
        assertThatThrownBy(() -> DriveSplit.parse("harbinger")).hasMessageContaining("must be salt:permille");
        assertThatThrownBy(() -> DriveSplit.parse("harbinger:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DriveSplit.parse("harbinger:1001")).hasMessageContaining("holdoutPermille must be 0..1000, was 1001");
        assertThatThrownBy(() -> new DriveSplit(null, 1)).hasMessageContaining("salt");
    }
}
