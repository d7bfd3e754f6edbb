-- The read API's fleet queries (issue 9; harbinger-store io.harbinger.store.query.FleetQueries).
-- Drives at risk: the candidates are the drives with a prediction in the buckets asked (bad, warning)
-- in the current window, a small part of the fleet, found without reading the others' rows. The same
-- index answers a region's latest prediction instant: one probe per bucket, newest day partition first.
CREATE INDEX predictions_bucket ON predictions (region, bucket, ts);
