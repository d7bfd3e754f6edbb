package io.harbinger.schema.cache;

import io.harbinger.schema.topic.Codec;
import io.harbinger.schema.topic.CorruptRecordException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of an {@link Invalidation}: version byte 1, the commit instant (epoch seconds, nanos),
 * the source's ordinal, the key count, then each key as three modified-UTF-8 strings (region, host, drive).
 * Every region, host and drive of a record repeats: records are small (one per committed transaction).
 */
public final class InvalidationCodec implements Codec<Invalidation> {
    public static final InvalidationCodec CODEC = new InvalidationCodec();
    private static final byte VERSION = 1;

    private InvalidationCodec() {
    }

    @Override
    public byte[] encode(Invalidation value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + value.keys().size() * 40);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(value.committedAt().getEpochSecond());
            out.writeInt(value.committedAt().getNano());
            out.writeByte(value.source().ordinal());
            out.writeInt(value.keys().size());
            for (ChangedKey key : value.keys()) {
                out.writeUTF(key.region());
                out.writeUTF(key.host());
                out.writeUTF(key.drive());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    @Override
    public Invalidation decode(byte[] bytes) {
        if (bytes == null) throw new CorruptRecordException("an invalidation record has no value");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readByte();
            if (version != VERSION) throw new CorruptRecordException("invalidation version " + version + ", expected " + VERSION);
            Instant committedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            int source = in.readByte();
            if (source < 0 || source >= Invalidation.Source.values().length) throw new CorruptRecordException("invalidation source " + source + " is unknown");
            int count = in.readInt();
            if (count < 0 || count > Invalidation.MAX_KEYS) throw new CorruptRecordException("invalidation key count " + count + " is out of 0.." + Invalidation.MAX_KEYS);
            List<ChangedKey> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) keys.add(new ChangedKey(in.readUTF(), in.readUTF(), in.readUTF()));
            if (in.available() > 0) throw new CorruptRecordException("invalidation record has " + in.available() + " bytes after its last key");
            return new Invalidation(committedAt, Invalidation.Source.values()[source], keys);
        } catch (EOFException e) {
            throw new CorruptRecordException("invalidation record ends early (" + bytes.length + " bytes)");
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new CorruptRecordException("invalidation record does not decode: " + e.getMessage());
        }
    }
}
