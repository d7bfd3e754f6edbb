package io.harbinger.simulate.fleet;

import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParametersFileTest {
    @Test
    void theShippedFile_readAndWrittenAgain_isTheSameBytes() throws Exception {
        byte[] shipped;
        try (InputStream in = ParametersFile.class.getResourceAsStream(ParametersFile.DEFAULT_RESOURCE)) {
            shipped = in.readAllBytes();
        }
        assertThat(new String(ParametersFile.bytes(ParametersFile.read(shipped)))).isEqualTo(new String(shipped));
        assertThat(shipped.length).as("a small file").isLessThan(300_000);
    }

    @Test
    void theShippedFile_holdsTheDataSetsShape() {
        FleetParameters p = ParametersFile.loadDefault();
        assertThat(p.driveModel()).isEqualTo("ST4000DM000");
        assertThat(p.observed().failures()).isEqualTo(312);
        assertThat(p.observed().driveDays()).isEqualTo(5_467_536);
        assertThat(p.trajectories()).allSatisfy(t -> assertThat(t.days()).isEqualTo(FleetParameters.TRAJECTORY_DAYS));
        double patterns = 0;
        for (double s : p.healthy().errorPatterns()) patterns += s;
        assertThat(patterns).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
    }

    @Test
    void numbers_areWrittenWithSevenSignificantDigits_inPlainNotation() {
        assertThat(JsonText.number(0.00005706411234)).isEqualTo("0.00005706411");
        assertThat(JsonText.number(52891914613.0)).isEqualTo("52891910000");
        assertThat(JsonText.number(24.0)).isEqualTo("24");
        assertThat(JsonText.number(-0.0)).isEqualTo("0");
    }

    @Test
    void aFileWithoutAField_isRefused_namingIt() {
        assertThatThrownBy(() -> ParametersFile.read("{\"format\": 1}".getBytes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'trajectories'");
        assertThatThrownBy(() -> ParametersFile.read("not json".getBytes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void quantiles_mustNotDecrease() {
        double[] v = Quantiles.constant(1).values();
        v[3] = 0;
        assertThatThrownBy(() -> new Quantiles(v)).hasMessageContaining("non-decreasing");
    }

    @Test
    void quantiles_sampleByInverseTransform() {
        double[] sample = new double[1001];
        for (int i = 0; i < sample.length; i++) sample[i] = i;
        Quantiles q = Quantiles.of(sample, 0);
        assertThat(q.sample(0)).isEqualTo(0);
        assertThat(q.sample(1)).isEqualTo(1000);
        assertThat(q.median()).isEqualTo(500);
        assertThat(q.sample(0.3)).isCloseTo(300, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(q.sample(0.12)).isCloseTo(120, org.assertj.core.api.Assertions.within(1e-9));
    }
}
