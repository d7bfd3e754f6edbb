package io.harbinger.auth.store;

import io.harbinger.auth.key.KeyStore;
import io.harbinger.auth.key.KeyStoreUnavailable;
import io.harbinger.auth.key.StoredKey;
import io.harbinger.schema.auth.Role;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link KeyStore} on {@code auth.api_keys} of the control database ({@link AuthSchema}). A database that
 * cannot answer is a {@link KeyStoreUnavailable} naming the operation: the request that needed it gets 503
 * and the next one asks again (nothing unverified is let through, and nothing failed is cached).
 */
public final class PostgresKeyStore implements KeyStore {
    private static final String COLUMNS = "id, tenant, roles, hash, created, revoked";

    private final DataSource db;

    public PostgresKeyStore(DataSource db) {
        this.db = db;
    }

    /** The store in {@code db}, its schema migrated first. */
    public static PostgresKeyStore migrated(DataSource db) {
        AuthSchema.migrate(db);
        return new PostgresKeyStore(db);
    }

    @Override
    public Optional<StoredKey> find(String id) {
        List<StoredKey> found = query("SELECT " + COLUMNS + " FROM auth.api_keys WHERE id = ?", "finding key " + id, id);
        return found.stream().findFirst();
    }

    @Override
    public void insert(StoredKey key) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO auth.api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, key.id());
            s.setString(2, key.tenant());
            s.setArray(3, c.createArrayOf("text", key.roles().stream().sorted().map(Role::label).toArray()));
            s.setBytes(4, key.hash());
            s.setTimestamp(5, Timestamp.from(key.created()));
            s.setTimestamp(6, key.revoked().map(Timestamp::from).orElse(null));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("storing key " + key.id(), e);
        }
    }

    @Override
    public List<StoredKey> list(Optional<String> tenant) {
        return tenant.isPresent()
                ? query("SELECT " + COLUMNS + " FROM auth.api_keys WHERE tenant = ? ORDER BY created, id", "listing the keys of " + tenant.get(), tenant.get())
                : query("SELECT " + COLUMNS + " FROM auth.api_keys ORDER BY tenant, created, id", "listing the keys");
    }

    @Override
    public Optional<StoredKey> revoke(String id, Instant at) {
        List<StoredKey> revoked = query("UPDATE auth.api_keys SET revoked = coalesce(revoked, greatest(?, created)) WHERE id = ? RETURNING " + COLUMNS,
                "revoking key " + id, Timestamp.from(at), id);
        return revoked.stream().findFirst();
    }

    private List<StoredKey> query(String sql, String what, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) s.setObject(i + 1, parameters[i]);
            try (ResultSet rows = s.executeQuery()) {
                List<StoredKey> out = new ArrayList<>();
                while (rows.next()) out.add(key(rows));
                return out;
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private static StoredKey key(ResultSet row) throws SQLException {
        Array array = row.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object r : (Object[]) array.getArray()) roles.add(Role.parse((String) r));
        Timestamp revoked = row.getTimestamp("revoked");
        return new StoredKey(row.getString("id"), row.getString("tenant"), roles, row.getBytes("hash"), row.getTimestamp("created").toInstant(),
                Optional.ofNullable(revoked).map(Timestamp::toInstant));
    }

    private static KeyStoreUnavailable failed(String what, SQLException e) {
        return new KeyStoreUnavailable(what + " in the key store failed: " + e.getMessage(), e);
    }
}
