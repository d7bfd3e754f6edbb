package io.harbinger.alert.store;

import io.harbinger.alert.rule.Episode;
import io.harbinger.schema.alert.Acknowledgement;
import io.harbinger.schema.alert.Alert;
import io.harbinger.schema.alert.AlertBook;
import io.harbinger.schema.alert.AlertCursor;
import io.harbinger.schema.alert.AlertPage;
import io.harbinger.schema.alert.AlertQuery;
import io.harbinger.schema.alert.NewSilence;
import io.harbinger.schema.alert.Silence;
import io.harbinger.schema.read.ReadUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The {@link AlertBook} over the alerting tables. {@code silencedBy} is worked out at read time from the
 * silences active at the clock's now. A database that cannot answer is {@link ReadUnavailableException}
 * (the API's 503).
 */
public final class PostgresAlertBook implements AlertBook {
    private static final String SELECT = "SELECT a." + AlertStore.EPISODE_COLUMNS.replace(", ", ", a.") + ", a.rule, k.by_whom, k.at, k.comment "
            + "FROM alerting.alerts a LEFT JOIN alerting.acknowledgements k ON k.alert_id = a.id";

    private final DataSource dataSource;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public PostgresAlertBook(DataSource dataSource, Clock clock, Supplier<UUID> ids) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.ids = ids;
    }

    public PostgresAlertBook(DataSource dataSource, Clock clock) {
        this(dataSource, clock, UUID::randomUUID);
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String what, Query<T> query) {
        try (Connection c = dataSource.getConnection()) {
            return query.run(c);
        } catch (SQLException e) {
            throw new ReadUnavailableException(what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Long> firingByRegion() {
        return read("firing alerts", c -> {
            Map<String, Long> firing = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT region, count(*) FROM alerting.alerts WHERE state = 'firing' GROUP BY region");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) firing.put(rs.getString(1), rs.getLong(2));
            }
            return firing;
        });
    }

    @Override
    public AlertPage alerts(AlertQuery q) {
        return read("alerts", c -> {
            StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
            List<Object> args = new ArrayList<>();
            switch (q.states()) {
                case FIRING, PENDING, RESOLVED -> {
                    sql.append(" AND a.state = ?");
                    args.add(q.states().label());
                }
                case ACTIVE -> sql.append(" AND a.state <> 'resolved'");
                case ACKNOWLEDGED -> sql.append(" AND a.state <> 'resolved' AND k.alert_id IS NOT NULL");
                case ALL -> { }
            }
            q.region().ifPresent(r -> {
                sql.append(" AND a.region = ?");
                args.add(r);
            });
            q.host().ifPresent(h -> {
                sql.append(" AND a.host = ?");
                args.add(h);
            });
            q.cursor().ifPresent(cur -> {
                sql.append(" AND (a.active_at < ? OR (a.active_at = ? AND a.id > ?))");
                args.add(AlertStore.ts(cur.activeAt()));
                args.add(AlertStore.ts(cur.activeAt()));
                args.add(cur.id());
            });
            sql.append(" ORDER BY a.active_at DESC, a.id LIMIT ?");
            args.add(q.limit() + 1);
            List<Alert> found = alerts(c, sql.toString(), args);
            boolean more = found.size() > q.limit();
            List<Alert> page = more ? found.subList(0, q.limit()) : found;
            return new AlertPage(page, more ? Optional.of(AlertCursor.after(page.getLast()).encode()) : Optional.empty());
        });
    }

    @Override
    public Optional<Alert> alert(UUID id) {
        return read("alert " + id, c -> alerts(c, SELECT + " WHERE a.id = ?", List.of(id)).stream().findFirst());
    }

    @Override
    public Optional<Alert> acknowledge(UUID id, String by, String comment) {
        Acknowledgement ack = new Acknowledgement(by, clock.instant(), comment);
        return read("acknowledge " + id, c -> {
            String sql = "INSERT INTO alerting.acknowledgements (alert_id, by_whom, comment, at) SELECT id, ?, ?, ? FROM alerting.alerts WHERE id = ? "
                    + "ON CONFLICT (alert_id) DO UPDATE SET by_whom = excluded.by_whom, comment = excluded.comment, at = excluded.at";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, ack.by());
                ps.setString(2, ack.comment());
                ps.setTimestamp(3, AlertStore.ts(ack.at()));
                ps.setObject(4, id);
                if (ps.executeUpdate() == 0) return Optional.empty();
            }
            return alerts(c, SELECT + " WHERE a.id = ?", List.of(id)).stream().findFirst();
        });
    }

    @Override
    public Silence createSilence(NewSilence n) {
        Silence s = new Silence(ids.get(), n.matchers(), n.startsAt(), n.endsAt(), n.createdBy(), n.comment(), clock.instant());
        return read("create silence", c -> {
            String sql = "INSERT INTO alerting.silences (id, matchers, starts_at, ends_at, created_by, comment, created_at) VALUES (?,?::jsonb,?,?,?,?,?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, s.id());
                ps.setString(2, Json.matchers(s.matchers()));
                ps.setTimestamp(3, AlertStore.ts(s.startsAt()));
                ps.setTimestamp(4, AlertStore.ts(s.endsAt()));
                ps.setString(5, s.createdBy());
                ps.setString(6, s.comment());
                ps.setTimestamp(7, AlertStore.ts(s.createdAt()));
                ps.executeUpdate();
            }
            return s;
        });
    }

    @Override
    public List<Silence> silences(Set<Silence.Status> statuses) {
        Instant now = clock.instant();
        return read("silences", c -> {
            try (PreparedStatement ps = c.prepareStatement(AlertBookRows.SILENCE_SELECT + " ORDER BY created_at DESC, id")) {
                return AlertBookRows.silences(ps).stream().filter(s -> statuses.contains(s.status(now))).toList();
            }
        });
    }

    @Override
    public Optional<Silence> silence(UUID id) {
        return read("silence " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(AlertBookRows.SILENCE_SELECT + " WHERE id = ?")) {
                ps.setObject(1, id);
                return AlertBookRows.silences(ps).stream().findFirst();
            }
        });
    }

    /** Ends it now; a silence that had not started yet starts and ends now (as Alertmanager expires one). */
    @Override
    public boolean expireSilence(UUID id) {
        Instant now = clock.instant();
        return read("expire silence " + id, c -> {
            String sql = "UPDATE alerting.silences SET starts_at = LEAST(starts_at, ?), ends_at = ? WHERE id = ? AND ends_at > ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, AlertStore.ts(now.minusMillis(1)));
                ps.setTimestamp(2, AlertStore.ts(now));
                ps.setObject(3, id);
                ps.setTimestamp(4, AlertStore.ts(now));
                if (ps.executeUpdate() == 1) return true;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM alerting.silences WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private List<Alert> alerts(Connection c, String sql, List<Object> args) throws SQLException {
        List<Silence> live;
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement(AlertBookRows.SILENCE_SELECT + " WHERE ends_at > ?")) {
            ps.setTimestamp(1, AlertStore.ts(now));
            live = AlertBookRows.silences(ps);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<Alert> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(alert(rs, live, now));
            }
            return out;
        }
    }

    private static Alert alert(ResultSet rs, List<Silence> live, Instant now) throws SQLException {
        Episode e = AlertStore.episode(rs);
        String by = rs.getString(14);
        Optional<Acknowledgement> ack = by == null ? Optional.empty()
                : Optional.of(new Acknowledgement(by, AlertStore.instant(rs, 15), rs.getString(16)));
        List<UUID> silencedBy = live.stream().filter(s -> s.mutes(e.labels(), now)).map(Silence::id).toList();
        return new Alert(e.id(), e.fingerprint(), rs.getString(13), e.state(), e.labels(), e.annotations(), e.activeAt(), e.firedAt(),
                e.resolvedAt(), e.lastProbability(), ack, silencedBy);
    }
}
