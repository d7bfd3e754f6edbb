package io.harbinger.simulate.fit;

import io.harbinger.core.TestData;
import io.harbinger.simulate.fleet.ParametersFile;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reproducibility: fitting the real data set again (what {@code harbinger fit-fleet --data
 * ../shared/data/backblaze-st4000dm000-2018-h1 --out ...} does) gives the shipped parameters file byte for
 * byte. A change to the fitting must come with the refitted file.
 */
class ShippedParametersIT {
    @Test
    void refittingTheData_givesTheShippedFile_byteForByte() throws Exception {
        byte[] shipped;
        try (InputStream in = ParametersFile.class.getResourceAsStream(ParametersFile.DEFAULT_RESOURCE)) {
            shipped = in.readAllBytes();
        }
        byte[] refitted = ParametersFile.bytes(FitFleet.fit(TestData.resolve("backblaze-st4000dm000-2018-h1"), LocalDate.MIN, LocalDate.MAX));
        assertThat(new String(refitted, StandardCharsets.UTF_8)).isEqualTo(new String(shipped, StandardCharsets.UTF_8));
    }
}
