package io.harbinger.auth.audit;

import io.harbinger.schema.auth.Principal;

import java.time.Instant;

/**
 * One audited action: who ({@code keyId}, {@code tenant} of the caller), what ({@code action}, one of
 * {@link Action}), on what ({@code target}: a key, silence or alert id, a model version), when, the answer's
 * {@code status} and a {@code detail} in the words of the request or answer (at most {@link #MAX_DETAIL} characters).
 *
 * @param id 0 for an entry not yet written; then the log's own sequence (the cursor of {@code before})
 */
public record AuditEntry(long id, Instant at, String keyId, String tenant, Action action, String target, int status, String detail) {
    public static final int MAX_DETAIL = 2_000;

    /** What is audited; the label is how the table and the API spell it. */
    public enum Action {
        KEY_CREATE("key.create"), KEY_REVOKE("key.revoke"), MODEL_RELOAD("model.reload"), SILENCE_CREATE("silence.create"),
        SILENCE_EXPIRE("silence.expire"), ALERT_ACK("alert.ack");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Action parse(String label) {
            for (Action a : values()) if (a.label.equals(label)) return a;
            throw new IllegalArgumentException("unknown action '" + label + "': expected one of key.create, key.revoke, model.reload, "
                    + "silence.create, silence.expire, alert.ack");
        }
    }

    public AuditEntry {
        if (at == null || keyId == null || tenant == null || action == null || target == null || detail == null) {
            throw new IllegalArgumentException("every part of an audit entry must be given");
        }
        if (detail.length() > MAX_DETAIL) detail = detail.substring(0, MAX_DETAIL - 1) + "…";
    }

    /** A new entry of {@code caller}, to be written. */
    public static AuditEntry of(Instant at, Principal caller, Action action, String target, int status, String detail) {
        return new AuditEntry(0, at, caller.keyId(), caller.tenant(), action, target, status, detail);
    }
}
