package io.harbinger.store.rows;

/** COPY binary: signature, flags, extension length; per row a column count and length-prefixed values; -1 trailer. */
final class BinaryColumnWriter implements CopyEncoding.EncodingWriter {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's timestamp epoch, in Unix microseconds. */
    static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    private static final int JSONB_VERSION = 1;

    private final Bytes out;

    BinaryColumnWriter(int capacity) {
        out = new Bytes(capacity + 32);
        out.put(SIGNATURE);
        out.putInt(0);
        out.putInt(0);
    }

    @Override
    public void beginRow(int columns) {
        out.putShort(columns);
    }

    @Override
    public void text(String value) {
        int at = out.size();
        out.putInt(0);
        out.setInt(at, out.putUtf8(value));
    }

    @Override
    public void int8(long value) {
        out.putInt(8);
        out.putLong(value);
    }

    @Override
    public void float4(float value) {
        out.putInt(4);
        out.putInt(Float.floatToIntBits(value));
    }

    @Override
    public void float8(double value) {
        out.putInt(8);
        out.putLong(Double.doubleToLongBits(value));
    }

    @Override
    public void bool(boolean value) {
        out.putInt(1);
        out.put(value ? 1 : 0);
    }

    @Override
    public void timestamptz(long epochMicros) {
        out.putInt(8);
        out.putLong(epochMicros - POSTGRES_EPOCH_MICROS);
    }

    @Override
    public void jsonb(String json) {
        int at = out.size();
        out.putInt(0);
        out.put(JSONB_VERSION);
        out.setInt(at, 1 + out.putUtf8(json));
    }

    @Override
    public void nullValue() {
        out.putInt(-1);
    }

    @Override
    public void endRow() {
    }

    @Override
    public byte[] finish() {
        out.putShort(-1);
        return out.toArray();
    }
}
