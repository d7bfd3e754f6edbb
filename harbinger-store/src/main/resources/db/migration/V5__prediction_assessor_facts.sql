-- Who judged each prediction and what it observed (issue 10). The failure model scores the drive
-- families it was trained on; NVMe and SCSI drives and other ATA families are judged by their health
-- logs or SMART error counters (assessor nvme-health-log, scsi-health-log, smart-counters). facts are
-- sentences a person reads, as a JSON array of strings: a rule's reasons, or the observed facts behind a
-- model's top features ("SMART 197 current pending sectors 0 -> 24 in 3 days").
-- Rows written before this were all the model's, without facts: the defaults say so. Added on the
-- partitioned parents, the columns reach every region and day partition.
ALTER TABLE predictions
    ADD COLUMN assessor text  NOT NULL DEFAULT 'model',
    ADD COLUMN facts    jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE alerts
    ADD COLUMN assessor text  NOT NULL DEFAULT 'model',
    ADD COLUMN facts    jsonb NOT NULL DEFAULT '[]'::jsonb;
