-- Alerting's own tables (docs/adr/0009-alerting.md), in schema "alerting" of the control database, with
-- their own Flyway history (alerting.flyway_schema_history): the store's migrations never see them.

-- One row per alert episode: a drive meeting the rule from active_at on. At most one open (pending or
-- firing) per fingerprint. Instants other than notified_at/updated_at are prediction time.
CREATE TABLE alerts (
    id               uuid             PRIMARY KEY,
    fingerprint      text             NOT NULL,
    rule             text             NOT NULL,
    state            text             NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
    region           text             NOT NULL,
    host             text             NOT NULL,
    drive            text             NOT NULL,
    labels           jsonb            NOT NULL,
    annotations      jsonb            NOT NULL,
    active_at        timestamptz      NOT NULL,
    fired_at         timestamptz,
    resolved_at      timestamptz,
    last_match_at    timestamptz      NOT NULL,
    last_sample_at   timestamptz      NOT NULL,
    matches          integer          NOT NULL CHECK (matches >= 1),
    last_probability double precision NOT NULL,
    -- what receivers were last told (the dedup of notifications by fingerprint and state), and when (wall clock)
    notified         text             NOT NULL DEFAULT 'none' CHECK (notified IN ('none', 'firing', 'resolved')),
    notified_at      timestamptz,
    updated_at       timestamptz      NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX alerts_one_open ON alerts (fingerprint) WHERE state <> 'resolved';
CREATE INDEX alerts_newest ON alerts (active_at DESC, id);
CREATE INDEX alerts_open_by_place ON alerts (region, host) WHERE state <> 'resolved';

CREATE TABLE acknowledgements (
    alert_id uuid        PRIMARY KEY REFERENCES alerts (id),
    by_whom  text        NOT NULL,
    comment  text        NOT NULL,
    at       timestamptz NOT NULL
);

CREATE TABLE silences (
    id         uuid        PRIMARY KEY,
    matchers   jsonb       NOT NULL,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL CHECK (ends_at > starts_at),
    created_by text        NOT NULL,
    comment    text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX silences_ending ON silences (ends_at);

-- The durable outbox: one row per notification and receiver, written in the transaction that changed the
-- alerts (with the consumer offsets), drained by the dispatcher. id is the Idempotency-Key of every attempt.
CREATE TABLE outbox (
    id              uuid        NOT NULL,
    receiver        text        NOT NULL,
    group_key       text        NOT NULL,
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    PRIMARY KEY (id, receiver)
);
CREATE INDEX outbox_due ON outbox (receiver, next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;

-- Where the alerting consumer is in the predictions topic: advanced in the same transaction as the alerts
-- and outbox rows those records produced (exactly once, as the store's loader_offsets).
CREATE TABLE consumer_offsets (
    consumer_group text        NOT NULL,
    topic          text        NOT NULL,
    partition      integer     NOT NULL,
    next_offset    bigint      NOT NULL CHECK (next_offset >= 0),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, partition)
);
