package io.harbinger.predict.offline;

import java.nio.file.Path;
import java.time.LocalDate;

/** One Backblaze Drive Stats daily file and the day its name says it holds. */
public record DayFile(LocalDate day, Path path) {
}
