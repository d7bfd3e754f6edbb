package io.harbinger.predict.health;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.schema.disk.SmartFields;

/**
 * The values of a disk sample the assessments read, each with the words a reason names it by. The
 * {@linkplain #counter counters} only ever grow over a drive's life: their previous reading is kept
 * ({@link HealthMemory}) to see them grow.
 */
enum HealthField {
    SMART_STATUS_PASSED(SmartFields.SMART_STATUS_PASSED, "SMART health self-assessment", false),
    NVME_CRITICAL_WARNING(SmartFields.NVME_CRITICAL_WARNING, "NVMe critical warning", false),
    NVME_AVAILABLE_SPARE(SmartFields.NVME_AVAILABLE_SPARE, "available spare", false),
    NVME_AVAILABLE_SPARE_THRESHOLD(SmartFields.NVME_AVAILABLE_SPARE_THRESHOLD, "available spare threshold", false),
    NVME_PERCENTAGE_USED(SmartFields.NVME_PERCENTAGE_USED, "endurance used", false),
    NVME_MEDIA_ERRORS(SmartFields.NVME_MEDIA_ERRORS, "media and data integrity errors", true),
    NVME_ERROR_LOG_ENTRIES(SmartFields.NVME_NUM_ERR_LOG_ENTRIES, "error log entries", false),
    SCSI_GROWN_DEFECTS(SmartFields.SCSI_GROWN_DEFECT_LIST, "grown defect list", true),
    SCSI_READ_UNCORRECTED(SmartFields.SCSI_READ_UNCORRECTED_ERRORS, "uncorrected read errors", true),
    SCSI_WRITE_UNCORRECTED(SmartFields.SCSI_WRITE_UNCORRECTED_ERRORS, "uncorrected write errors", true),
    SCSI_VERIFY_UNCORRECTED(SmartFields.SCSI_VERIFY_UNCORRECTED_ERRORS, "uncorrected verify errors", true),
    SMART_5(SmartAttribute.REALLOCATED_SECTORS),
    SMART_187(SmartAttribute.REPORTED_UNCORRECTABLE),
    SMART_188(SmartAttribute.COMMAND_TIMEOUT),
    SMART_197(SmartAttribute.CURRENT_PENDING_SECTORS),
    SMART_198(SmartAttribute.OFFLINE_UNCORRECTABLE);

    static final HealthField[] ALL = values();
    /** The counters, in memory slot order. */
    static final HealthField[] COUNTERS = java.util.Arrays.stream(ALL).filter(f -> f.counter).toArray(HealthField[]::new);
    static final HealthField[] SMART_RULE = {SMART_5, SMART_187, SMART_188, SMART_197, SMART_198};
    static final HealthField[] SCSI_UNCORRECTED = {SCSI_READ_UNCORRECTED, SCSI_WRITE_UNCORRECTED, SCSI_VERIFY_UNCORRECTED};

    final String field;
    final String label;
    final boolean counter;

    HealthField(String field, String label, boolean counter) {
        this.field = field;
        this.label = label;
        this.counter = counter;
    }

    HealthField(SmartAttribute attribute) {
        this(attribute.rawField(), attribute.label(), true);
    }

    /** Position among {@link #COUNTERS}, or -1. */
    int counterSlot() {
        for (int i = 0; i < COUNTERS.length; i++) {
            if (COUNTERS[i] == this) return i;
        }
        return -1;
    }

    static HealthField ofField(String name) {
        for (HealthField f : ALL) {
            if (f.field.equals(name)) return f;
        }
        return null;
    }
}
