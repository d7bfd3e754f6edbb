/**
 * An honest answer for drives the failure model was not trained on: NVMe drives judged by their SMART /
 * health information log, SCSI (SAS) drives by their grown defect list and error counter log, ATA drives of
 * other families by their SMART error counters. Pure: a sample's values and the drive's previous reading
 * ({@link io.harbinger.predict.health.HealthMemory}, kept by the stream in its state store) in, a bucket
 * with its reasons out.
 *
 * <p>The buckets keep the model's scheme: {@code bad} = likely to fail within 2 weeks, {@code warning} =
 * within 6, {@code good} otherwise, {@code unknown} when the sample lacks what the rule reads. They are
 * rules, not calibrated risks. One principle across the three kinds: a counter of lost data or remapped
 * media above 0 is a warning; its growth on a reading of the last 7 days is bad (the delta rule the issue
 * measured against the model: recent growth is what precedes failures). Conditions the drive itself
 * declares critical (a failed SMART health self-assessment, an NVMe critical warning other than
 * temperature, spare below its threshold) are bad at once.
 */
package io.harbinger.predict.health;
