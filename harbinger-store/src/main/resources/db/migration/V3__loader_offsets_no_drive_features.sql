-- The Kafka-to-PostgreSQL consumer is "the loader" now (docs/adr/0007-module-star.md): its positions
-- table and consumer groups say so. Positions are kept: each group keeps its offsets under its new name.
ALTER TABLE sink_offsets RENAME TO loader_offsets;
ALTER TABLE loader_offsets RENAME CONSTRAINT sink_offsets_pkey TO loader_offsets_pkey;
UPDATE loader_offsets SET consumer_group = regexp_replace(consumer_group, 'store-sink$', 'samples-loader')
 WHERE consumer_group LIKE '%store-sink';
UPDATE loader_offsets SET consumer_group = regexp_replace(consumer_group, 'prediction-sink$', 'predictions-loader')
 WHERE consumer_group LIKE '%prediction-sink';

-- drive_features was created and partitioned but never written: features are recomputed from each
-- drive's history in the stream (docs/adr/0006-failure-model.md). Its partitions go with it.
DROP TABLE drive_features;
