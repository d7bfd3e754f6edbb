package io.harbinger.schema.disk;

/**
 * The names disk points share, whatever carried them (smartctl JSON, Backblaze Drive Stats CSV, Ceph
 * telemetry), so that one feature implementation serves every source.
 *
 * <p>A disk point has measurement {@value #MEASUREMENT}; its drive is the serial number. ATA attribute
 * {@code N} becomes two fields: {@code smart_N_normalized} (the vendor's 1..253 health value) and
 * {@code smart_N_raw}. The raw field holds the raw value <em>as smartctl prints it</em>, which is what
 * Backblaze records: for most attributes that is the whole 48-bit raw counter, but for packed formats it
 * is the leading number only (attribute 194 {@code "32 (Min/Max 24/38)"} is 32, not the 48-bit
 * 163210330144 that also carries the minimum and maximum). See {@link #printedRaw(int, long)} for
 * sources that only have the packed value.
 */
public final class SmartFields {
    public static final String MEASUREMENT = "smart";

    /** 1 on the drive's last day before it failed (Backblaze), else 0. */
    public static final String FAILURE = "failure";
    public static final String CAPACITY_BYTES = "capacity_bytes";
    public static final String TEMPERATURE_C = "temperature_c";
    public static final String POWER_ON_HOURS = "power_on_hours";
    public static final String POWER_CYCLE_COUNT = "power_cycle_count";
    /** 1 when the drive's overall SMART self-assessment passed, 0 when it failed. */
    public static final String SMART_STATUS_PASSED = "smart_status_passed";

    /** The drive model (smartctl {@code model_name}, Backblaze {@code model}, Ceph {@code model}): a tag. */
    public static final String TAG_MODEL = "model";
    /**
     * The drive's interface as smartctl names it: {@code ATA}, {@code NVMe} or {@code SCSI} (a tag). Sources
     * without it (Backblaze CSV, Ceph telemetry) carry the ATA attribute table only: their drives are ATA.
     */
    public static final String TAG_PROTOCOL = "protocol";

    // NVMe SMART / health information log (log page 02h): smartctl's member names with prefix nvme_
    /** Bit field: 0 spare below threshold, 1 temperature, 2 reliability degraded, 3 read-only, 4 volatile memory backup failed. */
    public static final String NVME_CRITICAL_WARNING = "nvme_critical_warning";
    /** Remaining spare capacity, percent (0..100). */
    public static final String NVME_AVAILABLE_SPARE = "nvme_available_spare";
    /** The spare percentage below which the drive itself raises critical warning bit 0. */
    public static final String NVME_AVAILABLE_SPARE_THRESHOLD = "nvme_available_spare_threshold";
    /** The vendor's estimate of endurance used, percent; may exceed 100. */
    public static final String NVME_PERCENTAGE_USED = "nvme_percentage_used";
    /** Unrecovered data integrity errors over the drive's life. */
    public static final String NVME_MEDIA_ERRORS = "nvme_media_errors";
    /** Error information log entries over the drive's life (host-caused errors count too). */
    public static final String NVME_NUM_ERR_LOG_ENTRIES = "nvme_num_err_log_entries";

    // SCSI: grown defect list and error counter log
    /** Defects the drive found and remapped since it left the factory (the "grown" list). */
    public static final String SCSI_GROWN_DEFECT_LIST = "scsi_grown_defect_list";
    /** Errors the drive could not correct, per operation (error counter log, total uncorrected errors). */
    public static final String SCSI_READ_UNCORRECTED_ERRORS = "scsi_read_uncorrected_errors";
    public static final String SCSI_WRITE_UNCORRECTED_ERRORS = "scsi_write_uncorrected_errors";
    public static final String SCSI_VERIFY_UNCORRECTED_ERRORS = "scsi_verify_uncorrected_errors";

    /** ATA attribute ids run from 1 to 255. */
    public static final int MIN_ATTRIBUTE = 1;
    public static final int MAX_ATTRIBUTE = 255;

    private static final String[] RAW = new String[MAX_ATTRIBUTE + 1];
    private static final String[] NORMALIZED = new String[MAX_ATTRIBUTE + 1];

    static {
        for (int id = MIN_ATTRIBUTE; id <= MAX_ATTRIBUTE; id++) {
            RAW[id] = "smart_" + id + "_raw";
            NORMALIZED[id] = "smart_" + id + "_normalized";
        }
    }

    private SmartFields() {
    }

    public static boolean isAttributeId(long id) {
        return id >= MIN_ATTRIBUTE && id <= MAX_ATTRIBUTE;
    }

    /** {@code smart_<id>_raw}; the same String instance on every call. */
    public static String raw(int id) {
        requireAttributeId(id);
        return RAW[id];
    }

    /** {@code smart_<id>_normalized}; the same String instance on every call. */
    public static String normalized(int id) {
        requireAttributeId(id);
        return NORMALIZED[id];
    }

    /**
     * The id N of a raw value field {@code smart_N_raw}, or -1 for any other name. Only the spelling
     * {@link #raw(int)} produces counts: N is 1..255 without leading zeros ({@code smart_05_raw} is an
     * ordinary field). The one reader of that name, for features and storage alike.
     */
    public static int rawAttributeId(String field) {
        int n = field.length();
        if (n < 11 || n > 13 || !field.startsWith("smart_") || !field.endsWith("_raw") || field.charAt(6) == '0') return -1;
        int id = 0;
        for (int i = 6; i < n - 4; i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') return -1;
            id = id * 10 + (c - '0');
        }
        return id <= MAX_ATTRIBUTE ? id : -1;
    }

    /**
     * The printed raw value of attribute {@code id} recovered from its packed 48-bit raw counter, for
     * sources (Ceph telemetry) that carry only the counter. Only the unambiguous packings are undone:
     * temperatures (190, 194) keep their lowest byte, the current temperature, and power-on hours (9)
     * keep the low 32 bits, the hours, of Seagate's hours-plus-milliseconds packing. Other attributes
     * are returned unchanged.
     */
    public static long printedRaw(int id, long packed) {
        return switch (id) {
            case 190, 194 -> packed & 0xFF;
            case 9 -> packed & 0xFFFF_FFFFL;
            default -> packed;
        };
    }

    private static void requireAttributeId(int id) {
        if (!isAttributeId(id)) {
            throw new IllegalArgumentException("ATA attribute id must be " + MIN_ATTRIBUTE + ".." + MAX_ATTRIBUTE + ", got " + id);
        }
    }
}
