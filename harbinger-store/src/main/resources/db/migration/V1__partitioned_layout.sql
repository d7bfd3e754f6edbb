-- Harbinger storage layout (see docs/adr/0004-storage-layout.md).
-- Every table is partitioned LIST (region) here; each region partition is itself partitioned
-- RANGE (time) and both levels are created by io.harbinger.store.Partitions, never by hand.
-- Primary keys are natural keys that include both partition keys, so a re-delivered row can be
-- skipped (ON CONFLICT DO NOTHING) instead of duplicated.

-- Raw disk telemetry: one wide row per drive per sample time. The SMART attributes that predict
-- failure are columns; every other attribute is kept in `other` as {"<id>": raw, ...}.
CREATE TABLE disk_samples (
    region          text        NOT NULL,
    host            text        NOT NULL,
    drive           text        NOT NULL,
    ts              timestamptz NOT NULL,
    model           text,
    capacity_bytes  bigint,
    smart_5_raw     bigint,
    smart_9_raw     bigint,
    smart_187_raw   bigint,
    smart_188_raw   bigint,
    smart_193_raw   bigint,
    smart_194_raw   bigint,
    smart_197_raw   bigint,
    smart_198_raw   bigint,
    smart_241_raw   bigint,
    smart_242_raw   bigint,
    temperature_c   real,
    failure         boolean     NOT NULL DEFAULT false,
    other           jsonb,
    PRIMARY KEY (region, drive, host, ts)
) PARTITION BY LIST (region);
-- The host is part of every drive key: a drive named by its device (sda) is only unique on its host;
-- a serial number is unique anyway. A host's drives over a time range (the primary key serves one
-- drive's history: a drive lives on one host).
CREATE INDEX disk_samples_host_ts ON disk_samples (region, host, ts);

-- Host metrics: one row per point (measurement + tag set + instant), all its fields in one jsonb
-- object. The tag set (without region/host) is part of the key: cpu=cpu0 and cpu=cpu1 are two series.
CREATE TABLE host_metrics (
    region       text        NOT NULL,
    host         text        NOT NULL,
    measurement  text        NOT NULL,
    tags         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    ts           timestamptz NOT NULL,
    fields       jsonb       NOT NULL,
    PRIMARY KEY (region, host, measurement, tags, ts)
) PARTITION BY LIST (region);

-- Features computed per drive (issue 4); the feature vector is named values under a versioned set.
CREATE TABLE drive_features (
    region       text        NOT NULL,
    drive        text        NOT NULL,
    ts           timestamptz NOT NULL,
    host         text        NOT NULL,
    model        text,
    feature_set  text        NOT NULL,
    features     jsonb       NOT NULL,
    PRIMARY KEY (region, drive, host, ts, feature_set)
) PARTITION BY LIST (region);

-- Failure-risk predictions (issue 4): one per drive per scoring time per model version.
CREATE TABLE predictions (
    region         text             NOT NULL,
    drive          text             NOT NULL,
    ts             timestamptz      NOT NULL,
    model_version  text             NOT NULL,
    host           text             NOT NULL,
    probability    double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
    bucket         text             NOT NULL,
    top_features   jsonb            NOT NULL DEFAULT '[]'::jsonb,
    PRIMARY KEY (region, drive, host, ts, model_version)
) PARTITION BY LIST (region);
-- Top-risk drives of a region in a time range: read the index in probability order and stop early.
CREATE INDEX predictions_risk ON predictions (region, probability DESC);

-- Alerts raised from predictions (issue 4). (region, drive, raised_at) is the natural key of a raise;
-- id is the handle the API and notifications use (generated, unique in practice; a unique index
-- over all partitions would have to contain the partition keys).
CREATE TABLE alerts (
    region         text             NOT NULL,
    drive          text             NOT NULL,
    raised_at      timestamptz      NOT NULL,
    id             uuid             NOT NULL DEFAULT gen_random_uuid(),
    host           text             NOT NULL,
    state          text             NOT NULL DEFAULT 'open'
                                    CHECK (state IN ('open', 'acknowledged', 'resolved')),
    model_version  text             NOT NULL,
    probability    double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
    bucket         text             NOT NULL,
    top_features   jsonb            NOT NULL DEFAULT '[]'::jsonb,
    updated_at     timestamptz      NOT NULL DEFAULT now(),
    resolved_at    timestamptz,
    PRIMARY KEY (region, drive, host, raised_at)
) PARTITION BY LIST (region);
CREATE INDEX alerts_id ON alerts (region, id);
CREATE INDEX alerts_open ON alerts (region, raised_at) WHERE state <> 'resolved';
