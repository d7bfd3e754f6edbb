package io.harbinger.store.rows;

import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a record of the predictions topic ({@link PredictionBatch}) to its rows. Pure and total: the
 * typed record already holds what a row needs (its codec refused anything else).
 *
 * <ul>
 *   <li>Each scored sample becomes a {@link PredictionRow}, each alert an {@link AlertRow} (its instant
 *       is {@code raised_at}).</li>
 *   <li>The contributions become {@code [{"feature":"<feature>","contribution":<value>}, ...]} in their
 *       order (the producer puts the largest magnitude first); a non-finite contribution is JSON {@code null}.</li>
 *   <li>The assessor is its label ({@code model}, {@code nvme-health-log}, ...); the facts a JSON array of strings.</li>
 * </ul>
 * Text loses NUL characters (U+FFFD) and timestamps are floored to microseconds, as in {@link PointRows}.
 */
public final class PredictionRows {
    private PredictionRows() {
    }

    public static List<Row> of(PredictionBatch batch) {
        List<Row> rows = new ArrayList<>(batch.scored().size() + batch.alerts().size());
        for (ScoredSample s : batch.scored()) rows.add(prediction(s));
        for (ScoredSample s : batch.alerts()) rows.add(alert(s));
        return rows;
    }

    static PredictionRow prediction(ScoredSample s) {
        return row(s, PredictionRow::new);
    }

    static AlertRow alert(ScoredSample s) {
        return row(s, AlertRow::new);
    }

    /** The columns a prediction and an alert share, in their constructors' order. */
    @FunctionalInterface
    private interface ScoredRow<R extends Row> {
        R of(String region, String host, String drive, long tsMicros, String modelVersion, double probability, String bucket, String topFeaturesJson,
             String assessor, String factsJson);
    }

    private static <R extends Row> R row(ScoredSample s, ScoredRow<R> kind) {
        return kind.of(PointRows.clean(s.region()), PointRows.clean(s.host()), PointRows.clean(s.drive()), PointRows.micros(s.timestampNanos()),
                PointRows.clean(s.prediction().modelVersion()), s.prediction().probability(), s.prediction().bucket().label(),
                topFeatures(s.prediction().topFeatures()), s.prediction().assessor().label(), facts(s.prediction().facts()));
    }

    /** The facts as a JSON array of strings, in order. */
    static String facts(List<String> facts) {
        StringBuilder out = new StringBuilder(2 + 64 * facts.size()).append('[');
        for (int i = 0; i < facts.size(); i++) {
            if (i > 0) out.append(',');
            JsonbText.appendString(out, PointRows.clean(facts.get(i)));
        }
        return out.append(']').toString();
    }

    /** The contributions as a JSON array, in order: {@code {"feature", "contribution", "value"}} each (a non-finite number as null). */
    static String topFeatures(List<Contribution> contributions) {
        StringBuilder out = new StringBuilder(32 + 48 * contributions.size()).append('[');
        for (int i = 0; i < contributions.size(); i++) {
            Contribution c = contributions.get(i);
            if (i > 0) out.append(',');
            out.append("{\"feature\":");
            JsonbText.appendString(out, c.feature());
            out.append(",\"contribution\":");
            JsonbText.appendNumber(out, c.contribution());
            out.append(",\"value\":");
            JsonbText.appendNumber(out, c.value());
            out.append('}');
        }
        return out.append(']').toString();
    }
}
