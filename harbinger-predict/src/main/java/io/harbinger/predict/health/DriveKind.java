package io.harbinger.predict.health;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.schema.disk.SmartFields;

/** The interface of a drive, which decides whose health log it has. */
public enum DriveKind {
    ATA, NVME, SCSI;

    /**
     * The kind a disk point says: its {@value SmartFields#TAG_PROTOCOL} tag (smartctl: ATA, NVMe, SCSI; any
     * case), else its fields: NVMe health log entries ({@code nvme_*}) or SCSI counters ({@code scsi_*}); a
     * point with neither (Backblaze CSV, Ceph telemetry: the ATA attribute table) is ATA.
     */
    public static DriveKind of(Point p) {
        for (Tag t : p.tags()) {
            if (SmartFields.TAG_PROTOCOL.equals(t.key())) {
                switch (t.value().toUpperCase(java.util.Locale.ROOT)) {
                    case "NVME" -> { return NVME; }
                    case "SCSI" -> { return SCSI; }
                    case "ATA" -> { return ATA; }
                    default -> { } // unknown protocol: decide by the fields
                }
            }
        }
        for (Field f : p.fields()) {
            if (f.name().startsWith("nvme_")) return NVME;
            if (f.name().startsWith("scsi_")) return SCSI;
        }
        return ATA;
    }
}
