package io.harbinger.predict.eval;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts a report states about its evaluation, which the evaluation itself does not know.
 *
 * @param title             the report's title
 * @param modelVersion      the version of the evaluated model
 * @param dataDescription   where the data came from (e.g. "Backblaze drive stats, 2024 Q1-Q2")
 * @param from              the first day of the evaluation (test) period
 * @param to                the last day of the evaluation period, not before {@code from}
 * @param drivesDescription which drives were evaluated (e.g. "all HDDs, 231 412 drives")
 * @param notes             free remarks, one bullet each (inline Markdown allowed)
 */
public record ReportContext(String title, String modelVersion, String dataDescription, LocalDate from, LocalDate to,
                            String drivesDescription, List<String> notes) {
    public ReportContext {
        requireText("title", title);
        requireText("modelVersion", modelVersion);
        requireText("dataDescription", dataDescription);
        requireText("drivesDescription", drivesDescription);
        if (from == null || to == null) throw new IllegalArgumentException("from and to must be non-null, were " + from + " and " + to);
        if (to.isBefore(from)) throw new IllegalArgumentException("to must not be before from, was " + from + " to " + to);
        notes = List.copyOf(notes);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " must be non-blank");
    }
}
