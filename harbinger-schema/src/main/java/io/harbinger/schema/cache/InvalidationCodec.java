package io.harbinger.schema.cache;

import io.harbinger.schema.topic.Codec;
import io.harbinger.schema.topic.CorruptRecordException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of an {@link Invalidation}: version byte 1, the commit instant (epoch seconds, nanos),
 * the source's ordinal, the key count, then each key as three strings (region, host, drive), each its UTF-8
 * length (int) and bytes; big-endian.
 * Every region, host and drive of a record repeats: records are small (one per committed transaction).
 */
public final class InvalidationCodec implements Codec<Invalidation> {
    public static final InvalidationCodec CODEC = new InvalidationCodec();
    private static final byte VERSION = 1;

    private InvalidationCodec() {
    }

    @Override
    public byte[] encode(Invalidation value) {
        List<byte[]> texts = new ArrayList<>(value.keys().size() * 3);
        int size = 1 + 8 + 4 + 1 + 4;
        for (ChangedKey key : value.keys()) {
            for (String text : new String[]{key.region(), key.host(), key.drive()}) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                texts.add(utf8);
                size += 4 + utf8.length;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(VERSION).putLong(value.committedAt().getEpochSecond())
                .putInt(value.committedAt().getNano()).put((byte) value.source().ordinal()).putInt(value.keys().size());
        for (byte[] utf8 : texts) out.putInt(utf8.length).put(utf8);
        return out.array();
    }

    @Override
    public Invalidation decode(byte[] bytes) {
        if (bytes == null) throw new CorruptRecordException("an invalidation record has no value");
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int version = in.get();
            if (version != VERSION) throw new CorruptRecordException("invalidation version " + version + ", expected " + VERSION);
            Instant committedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
            int source = in.get();
            if (source < 0 || source >= Invalidation.Source.values().length) throw new CorruptRecordException("invalidation source " + source + " is unknown");
            int count = in.getInt();
            if (count < 0 || count > Invalidation.MAX_KEYS) throw new CorruptRecordException("invalidation key count " + count + " is out of 0.." + Invalidation.MAX_KEYS);
            List<ChangedKey> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) keys.add(new ChangedKey(text(in), text(in), text(in)));
            if (in.hasRemaining()) throw new CorruptRecordException("invalidation record has " + in.remaining() + " bytes after its last key");
            return new Invalidation(committedAt, Invalidation.Source.values()[source], keys);
        } catch (BufferUnderflowException e) {
            throw new CorruptRecordException("invalidation record ends early (" + bytes.length + " bytes)");
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new CorruptRecordException("invalidation record does not decode: " + e.getMessage());
        }
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) throw new CorruptRecordException("invalidation text of " + length + " bytes, " + in.remaining() + " left");
        ByteBuffer utf8 = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(utf8).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptRecordException("invalidation text is not UTF-8");
        }
    }
}
