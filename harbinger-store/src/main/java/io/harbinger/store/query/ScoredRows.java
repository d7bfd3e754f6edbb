package io.harbinger.store.query;

import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.prediction.Contribution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the prediction and alert rows of {@link StoreQueries}: their SQL columns and result rows. */
final class ScoredRows {
    /**
     * top_features unpacked in array order: the feature names, the contributions, the feature values
     * (SQL NULL for a non-finite number, and for the value of a row written before values were stored).
     */
    static final String TOP_FEATURES =
            "ARRAY(SELECT e->>'feature' FROM jsonb_array_elements(top_features) WITH ORDINALITY t(e, n) ORDER BY n), "
            + "ARRAY(SELECT (e->>'contribution')::float8 FROM jsonb_array_elements(top_features) WITH ORDINALITY t(e, n) ORDER BY n), "
            + "ARRAY(SELECT (e->>'value')::float8 FROM jsonb_array_elements(top_features) WITH ORDINALITY t(e, n) ORDER BY n)";
    /** The facts in array order (V5: '[]' for a row written before facts were stored). */
    static final String FACTS = "ARRAY(SELECT e FROM jsonb_array_elements_text(facts) WITH ORDINALITY t(e, n) ORDER BY n)";
    /** Who judged (V5), then {@link #FACTS}: after every other column, so those keep their positions. */
    static final String ASSESSOR_AND_FACTS = "assessor, " + FACTS;
    static final String PREDICTION_COLUMNS = "region, drive, host, ts, model_version, probability, bucket, " + TOP_FEATURES
            + ", " + ASSESSOR_AND_FACTS;
    static final String ALERT_COLUMNS = "region, drive, host, raised_at, model_version, probability, bucket, " + TOP_FEATURES
            + ", id, state, updated_at, resolved_at, " + ASSESSOR_AND_FACTS;

    private ScoredRows() {
    }

    static DrivePrediction prediction(ResultSet rs) throws SQLException {
        return new DrivePrediction(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getString(5),
                rs.getDouble(6), rs.getString(7), contributions(rs, 8), rs.getString(11), facts(rs, 12));
    }

    static DriveAlert alert(ResultSet rs) throws SQLException {
        OffsetDateTime resolved = rs.getObject(14, OffsetDateTime.class);
        return new DriveAlert(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getObject(11, java.util.UUID.class),
                rs.getString(12), rs.getString(5), rs.getDouble(6), rs.getString(7), contributions(rs, 8),
                instant(rs, 13), Optional.ofNullable(resolved).map(OffsetDateTime::toInstant), rs.getString(15), facts(rs, 16));
    }

    /** The contributions in the three array columns of {@link #TOP_FEATURES} from {@code column} on. */
    static List<Contribution> contributions(ResultSet rs, int column) throws SQLException {
        Object[] names = (Object[]) rs.getArray(column).getArray();
        Object[] contributions = (Object[]) rs.getArray(column + 1).getArray();
        Object[] values = (Object[]) rs.getArray(column + 2).getArray();
        List<Contribution> top = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            top.add(new Contribution((String) names[i], number(contributions[i]), number(values[i])));
        }
        return top;
    }

    /** The facts in the array column {@code column} of {@link #FACTS}. */
    static List<String> facts(ResultSet rs, int column) throws SQLException {
        Object[] facts = (Object[]) rs.getArray(column).getArray();
        List<String> out = new ArrayList<>(facts.length);
        for (Object f : facts) out.add((String) f);
        return out;
    }

    private static double number(Object sqlValue) {
        return sqlValue == null ? Double.NaN : ((Number) sqlValue).doubleValue();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
