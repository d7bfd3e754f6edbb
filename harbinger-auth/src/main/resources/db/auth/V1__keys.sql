-- API keys (docs/adr/0013-api-keys.md), in schema "auth" of the control database (the bundled PostgreSQL, or
-- the first shard's primary: every node of a cluster reads the same keys), with their own Flyway history.
-- The token is never stored: hash is SHA-256 of the whole token (hbk_<id>_<secret>, a 256-bit secret).
CREATE TABLE api_keys (
    id       text        PRIMARY KEY CHECK (id ~ '^[0-9a-f]{12}$'),
    tenant   text        NOT NULL CHECK (tenant ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    roles    text[]      NOT NULL CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['write', 'read', 'admin']),
    hash     bytea       NOT NULL CHECK (length(hash) = 32),
    created  timestamptz NOT NULL,
    revoked  timestamptz CHECK (revoked IS NULL OR revoked >= created)
);
CREATE INDEX api_keys_by_tenant ON api_keys (tenant, created);
