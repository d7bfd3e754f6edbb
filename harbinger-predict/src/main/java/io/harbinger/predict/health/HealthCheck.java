package io.harbinger.predict.health;

import io.harbinger.schema.prediction.Bucket;

/**
 * Who judges a drive sample, and the judgement when it is not the model. The model (trained on the ATA
 * hard drives of {@link Families}) scores the ATA drives of its families and those whose model is not
 * known; NVMe and SCSI drives are judged by their health logs, ATA drives of other families by their
 * SMART error counters.
 */
public final class HealthCheck {
    private HealthCheck() {
    }

    /** Whether the failure model scores {@code r}: an ATA drive of a family it covers (an unknown model counts as covered). */
    public static boolean modelScores(HealthReading r, Families families) {
        return r.kind() == DriveKind.ATA && families.covers(r.model());
    }

    /** A judgement and the drive's memory after it. @param raisesAlert bad, with no bad day in the re-arm period before */
    public record Outcome(Assessment assessment, HealthMemory memory, boolean raisesAlert) {
    }

    /**
     * Judges {@code r} (a sample {@link #modelScores} does not claim) on the drive's {@code previous}
     * memory (a counter that rose on a reading of the last {@value HealthMemory#GROWTH_DAYS} days is
     * growing); a bad day raises an alert when no day in the {@code rearmDays} before it was bad (one per
     * episode, as for the model's alerts).
     */
    public static Outcome assess(HealthReading r, HealthMemory previous, Families families, int rearmDays) {
        HealthMemory next = previous.after(r); // growth is read off the memory that includes r
        Assessment a = switch (r.kind()) {
            case NVME -> NvmeHealth.assess(r, next);
            case SCSI -> ScsiHealth.assess(r, next);
            case ATA -> CounterHealth.assess(r, next, families);
        };
        boolean raises = false;
        if (a.bucket() == Bucket.BAD) {
            raises = previous.raises(r.epochDay(), rearmDays);
            next = next.badOn(r.epochDay());
        }
        return new Outcome(a, next, raises);
    }
}
