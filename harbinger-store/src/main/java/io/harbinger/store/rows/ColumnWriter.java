package io.harbinger.store.rows;

/** Receives one COPY row column by column; an implementation per COPY format. */
interface ColumnWriter {
    void beginRow(int columns);

    void text(String value);

    void int8(long value);

    void float4(float value);

    void float8(double value);

    void bool(boolean value);

    void timestamptz(long epochMicros);

    /** {@code json} is a valid JSON text. */
    void jsonb(String json);

    void nullValue();

    void endRow();
}
