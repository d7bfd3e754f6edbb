package io.harbinger.schema.prediction;

import java.util.Optional;

/**
 * Who judged a drive sample. The failure model was trained on some drive families (ATA hard drives of
 * the models its file names); a drive outside them is judged by its own health log or counters instead,
 * so that no NVMe or SAS drive is scored as if it were one of those hard drives.
 */
public enum Assessor {
    /** the failure model: {@link Prediction#probability()} is its risk, {@link Prediction#topFeatures()} its reasons */
    MODEL("model", "the failure model"),
    /** the NVMe SMART / health information log: critical warning, spare, endurance used, media errors */
    NVME_HEALTH_LOG("nvme-health-log", "NVMe health log"),
    /** the SCSI grown defect list and error counter log */
    SCSI_HEALTH_LOG("scsi-health-log", "SCSI health log"),
    /** an ATA drive of a family the model was not trained on: its SMART error counters (5, 187, 188, 197, 198) */
    SMART_COUNTERS("smart-counters", "SMART error counters");

    private final String label;
    private final String description;

    Assessor(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** What judged, in words a person reads: "NVMe health log". */
    public String description() {
        return description;
    }

    public String label() {
        return label;
    }

    /** The assessor labelled {@code label}, if any. */
    public static Optional<Assessor> find(String label) {
        for (Assessor a : values()) {
            if (a.label.equals(label)) return Optional.of(a);
        }
        return Optional.empty();
    }
}
