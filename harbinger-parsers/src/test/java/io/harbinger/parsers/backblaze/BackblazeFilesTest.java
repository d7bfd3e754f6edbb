package io.harbinger.parsers.backblaze;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BackblazeFilesTest {
    @Test
    void dateFromFileName_datedNames_giveTheirDay() {
        assertThat(BackblazeFiles.dateFromFileName("2018-01-01.csv.gz")).contains(LocalDate.of(2018, 1, 1));
        assertThat(BackblazeFiles.dateFromFileName("2013-04-10.csv")).contains(LocalDate.of(2013, 4, 10));
        assertThat(BackblazeFiles.dateFromFileName("data/Q1/2024-02-29.csv")).contains(LocalDate.of(2024, 2, 29));
        assertThat(BackblazeFiles.dateFromFileName("C:\\drive_stats\\2018-06-30")).contains(LocalDate.of(2018, 6, 30));
    }

    @Test
    void dateFromFileName_otherNames_giveEmpty() {
        assertThat(BackblazeFiles.dateFromFileName("2023-02-29.csv")).isEmpty();
        assertThat(BackblazeFiles.dateFromFileName("2018-13-01.csv")).isEmpty();
        assertThat(BackblazeFiles.dateFromFileName("drive_stats_2018-01-01.csv")).isEmpty();
        assertThat(BackblazeFiles.dateFromFileName("2018-01-01_backup.csv")).isEmpty();
        assertThat(BackblazeFiles.dateFromFileName("2018-1-1.csv")).isEmpty();
        assertThat(BackblazeFiles.dateFromFileName("2018-01-01/")).isEmpty();
        assertThat(BackblazeFiles.dateFromFileName("")).isEmpty();
    }
}
