package io.harbinger.auth.key;

import io.harbinger.auth.audit.AuditEntry;
import io.harbinger.auth.audit.AuditLog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit log in a list. */
public final class InMemoryAuditLog implements AuditLog {
    public final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEntry e) {
        entries.add(new AuditEntry(entries.size() + 1, e.at(), e.keyId(), e.tenant(), e.action(), e.target(), e.status(), e.detail()));
    }

    @Override
    public List<AuditEntry> query(String tenant, Optional<AuditEntry.Action> action, Optional<Long> before, int limit) {
        return new ArrayList<>(entries.stream().filter(e -> e.tenant().equals(tenant)).filter(e -> action.map(e.action()::equals).orElse(true))
                .filter(e -> before.map(b -> e.id() < b).orElse(true)).sorted(Comparator.comparingLong(AuditEntry::id).reversed()).limit(limit).toList());
    }
}
