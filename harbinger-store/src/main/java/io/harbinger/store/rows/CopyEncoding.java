package io.harbinger.store.rows;

import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.store.PartitionedTable;

import java.util.List;

/** Turns rows of one table into the bytes of a {@code COPY ... FROM STDIN}. Pure. */
public final class CopyEncoding {
    private static final String DISK_COLUMNS = "region, host, drive, ts, model, capacity_bytes, "
            + String.join(", ", SmartAttribute.ALL.stream().map(SmartAttribute::rawField).toList()) + ", temperature_c, failure, other";
    private static final String HOST_COLUMNS = "region, host, measurement, tags, ts, fields";
    private static final String PREDICTION_COLUMNS = "region, drive, ts, model_version, host, probability, bucket, top_features, assessor, facts";
    /** id, state, updated_at and resolved_at are left to their defaults: a raised alert is open. */
    private static final String ALERT_COLUMNS = "region, drive, raised_at, host, model_version, probability, bucket, top_features, assessor, facts";

    private CopyEncoding() {
    }

    /** The column list the rows of {@code table} are written in. */
    public static String columns(PartitionedTable table) {
        return switch (table) {
            case DISK_SAMPLES -> DISK_COLUMNS;
            case HOST_METRICS -> HOST_COLUMNS;
            case PREDICTIONS -> PREDICTION_COLUMNS;
            case ALERTS -> ALERT_COLUMNS;
            default -> throw new IllegalArgumentException("the loaders write disk_samples, host_metrics, predictions and alerts, not " + table.tableName());
        };
    }

    /** {@code COPY <target> (<columns of table>) FROM STDIN (FORMAT <format>)}. */
    public static String copySql(String target, PartitionedTable table, CopyFormat format) {
        return "COPY " + target + " (" + columns(table) + ") FROM STDIN (FORMAT " + format.sqlName() + ")";
    }

    /** The COPY data of {@code rows} (all of one table), header and trailer included. */
    public static byte[] encode(List<? extends Row> rows, CopyFormat format) {
        return switch (format) {
            case TEXT -> write(rows, new TextColumnWriter(rows.size() * 160));
            case BINARY -> write(rows, new BinaryColumnWriter(rows.size() * 160));
        };
    }

    private static byte[] write(List<? extends Row> rows, EncodingWriter writer) {
        for (Row row : rows) row.writeTo(writer);
        return writer.finish();
    }

    /** A column writer that collects a whole COPY stream. */
    interface EncodingWriter extends ColumnWriter {
        byte[] finish();
    }
}
