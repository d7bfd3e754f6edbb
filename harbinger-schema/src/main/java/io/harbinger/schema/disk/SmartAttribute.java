package io.harbinger.schema.disk;

import java.util.List;

/**
 * The SMART attributes Harbinger tracks, declared once: the failure model's features read them, each has
 * a {@code disk_samples} column ({@code smart_<id>_raw}), queries return them, and parsers name them. The
 * declaration order is the slot order of a drive reading and the column order of a disk sample row.
 * Every other attribute still travels and is stored (in {@code other}), it only has no column.
 */
public enum SmartAttribute {
    REALLOCATED_SECTORS(5, "reallocated sectors", "Reallocated_Sector_Ct"),
    POWER_ON_HOURS(9, "power-on hours", "Power_On_Hours"),
    REPORTED_UNCORRECTABLE(187, "reported uncorrectable errors", "Reported_Uncorrect"),
    COMMAND_TIMEOUT(188, "command timeouts", "Command_Timeout"),
    LOAD_CYCLE_COUNT(193, "load cycles", "Load_Cycle_Count"),
    TEMPERATURE(194, "temperature", "Temperature_Celsius"),
    CURRENT_PENDING_SECTORS(197, "current pending sectors", "Current_Pending_Sector"),
    OFFLINE_UNCORRECTABLE(198, "offline uncorrectable sectors", "Offline_Uncorrectable"),
    TOTAL_LBAS_WRITTEN(241, "total LBAs written", "Total_LBAs_Written"),
    TOTAL_LBAS_READ(242, "total LBAs read", "Total_LBAs_Read");

    /** Every tracked attribute, in slot (and column) order. */
    public static final List<SmartAttribute> ALL = List.of(values());
    /** The error counters of the classic SMART rule: a drive with any of them above 0 is suspect. */
    public static final List<SmartAttribute> RULE_COUNTERS =
            List.of(REALLOCATED_SECTORS, REPORTED_UNCORRECTABLE, COMMAND_TIMEOUT, CURRENT_PENDING_SECTORS, OFFLINE_UNCORRECTABLE);

    private static final SmartAttribute[] BY_ID = byId();

    private final int id;
    private final String description;
    private final String smartctlName;

    SmartAttribute(int id, String description, String smartctlName) {
        this.id = id;
        this.description = description;
        this.smartctlName = smartctlName;
    }

    /** The ATA attribute id, 1..255. */
    public int id() {
        return id;
    }

    /** What the attribute counts, in words a person reads ("current pending sectors"). */
    public String description() {
        return description;
    }

    /** How a person names it in a sentence: {@code SMART 197 current pending sectors}. */
    public String label() {
        return "SMART " + id + " " + description;
    }

    /** Its name in smartctl's attribute table ({@code Current_Pending_Sector}), what an operator greps for. */
    public String smartctlName() {
        return smartctlName;
    }

    /** Position in a reading's values and among a row's SMART columns. */
    public int slot() {
        return ordinal();
    }

    /** The field name of its raw value, {@code smart_<id>_raw}; also its column name. */
    public String rawField() {
        return SmartFields.raw(id);
    }

    /** The tracked attribute with ATA id {@code id}, or null. */
    public static SmartAttribute ofId(int id) {
        return SmartFields.isAttributeId(id) ? BY_ID[id] : null;
    }

    /** The tracked attribute whose raw value field is {@code field}, or null (see {@link SmartFields#rawAttributeId}). */
    public static SmartAttribute ofRawField(String field) {
        int id = SmartFields.rawAttributeId(field);
        return id < 0 ? null : BY_ID[id];
    }

    private static SmartAttribute[] byId() {
        SmartAttribute[] table = new SmartAttribute[SmartFields.MAX_ATTRIBUTE + 1];
        for (SmartAttribute a : values()) table[a.id] = a;
        return table;
    }
}
