-- Where the store sink is in the samples topic (see docs/adr/0005-store-sink.md): per consumer
-- group and partition, the offset of the next record to store. Written in the same transaction as
-- the rows of the batch that brought it there, so rows and position never disagree; each shard keeps
-- its own.
CREATE TABLE sink_offsets (
    consumer_group  text        NOT NULL,
    topic           text        NOT NULL,
    partition       integer     NOT NULL,
    next_offset     bigint      NOT NULL CHECK (next_offset >= 0),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, partition)
);
