package io.harbinger.alert.store;

import io.harbinger.schema.alert.Silence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Silence rows, read the same way by the engine and the book. */
final class AlertBookRows {
    static final String SILENCE_SELECT = "SELECT id, matchers, starts_at, ends_at, created_by, comment, created_at FROM alerting.silences";

    private AlertBookRows() {
    }

    static List<Silence> silences(PreparedStatement ps) throws SQLException {
        List<Silence> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Silence(rs.getObject(1, UUID.class), Json.matchers(rs.getString(2)), AlertStore.instant(rs, 3), AlertStore.instant(rs, 4),
                        rs.getString(5), rs.getString(6), AlertStore.instant(rs, 7)));
            }
        }
        return out;
    }
}
