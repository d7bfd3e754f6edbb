-- The audit of what changes access, models and paging (docs/adr/0013-api-keys.md): who (the key's id and
-- tenant; "cli" for harbinger keys, "open" on a node without keys), what, on what, when, with what answer.
-- Append-only: nothing in Harbinger updates or deletes a row.
CREATE TABLE audit (
    id      bigserial   PRIMARY KEY,
    at      timestamptz NOT NULL,
    key_id  text        NOT NULL,
    tenant  text        NOT NULL,
    action  text        NOT NULL,
    target  text        NOT NULL,
    status  integer     NOT NULL,
    detail  text        NOT NULL
);
CREATE INDEX audit_by_tenant ON audit (tenant, id DESC);
