package io.harbinger.auth.store;

import io.harbinger.auth.audit.AuditEntry;
import io.harbinger.auth.audit.AuditLog;
import io.harbinger.auth.key.KeyStoreUnavailable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AuditLog} on {@code auth.audit} of the control database ({@link AuthSchema}). */
public final class PostgresAuditLog implements AuditLog {
    private final DataSource db;

    public PostgresAuditLog(DataSource db) {
        this.db = db;
    }

    @Override
    public void record(AuditEntry e) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO auth.audit (at, key_id, tenant, action, target, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(e.at()));
            s.setString(2, e.keyId());
            s.setString(3, e.tenant());
            s.setString(4, e.action().label());
            s.setString(5, e.target());
            s.setInt(6, e.status());
            s.setString(7, e.detail());
            s.executeUpdate();
        } catch (SQLException x) {
            throw new KeyStoreUnavailable("writing the audit entry " + e + " failed: " + x.getMessage(), x);
        }
    }

    @Override
    public List<AuditEntry> query(String tenant, Optional<AuditEntry.Action> action, Optional<Long> before, int limit) {
        String sql = "SELECT id, at, key_id, tenant, action, target, status, detail FROM auth.audit WHERE tenant = ?"
                + (action.isPresent() ? " AND action = ?" : "") + (before.isPresent() ? " AND id < ?" : "") + " ORDER BY id DESC LIMIT ?";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, tenant);
            if (action.isPresent()) s.setString(i++, action.get().label());
            if (before.isPresent()) s.setLong(i++, before.get());
            s.setInt(i, limit);
            try (ResultSet rows = s.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rows.next()) {
                    out.add(new AuditEntry(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3), rows.getString(4),
                            AuditEntry.Action.parse(rows.getString(5)), rows.getString(6), rows.getInt(7), rows.getString(8)));
                }
                return out;
            }
        } catch (SQLException x) {
            throw new KeyStoreUnavailable("reading the audit of " + tenant + " failed: " + x.getMessage(), x);
        }
    }
}
