package io.harbinger.auth.audit;

import java.util.List;
import java.util.Optional;

/** Where audit entries are kept (the control database, beside the keys). */
public interface AuditLog {
    /** Appends {@code entry}; its id is the log's to give. */
    void record(AuditEntry entry);

    /**
     * A tenant's entries, newest first.
     *
     * @param before only entries older than this id (the previous page's last), when given
     */
    List<AuditEntry> query(String tenant, Optional<AuditEntry.Action> action, Optional<Long> before, int limit);
}
