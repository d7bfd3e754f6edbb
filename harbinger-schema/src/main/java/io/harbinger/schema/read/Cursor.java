package io.harbinger.schema.read;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Where a page of a keyset-ordered list ends: the sort key of its last item. The next page is every
 * item after that key in the list's order, so pages stay exact across shards (each shard reads its
 * own items after the key; merging those gives the next page) and while rows are added.
 *
 * <p>On the wire a cursor is opaque: base64url of a version byte, a kind byte, the key fields and a
 * CRC-32C of them. {@link #decode} refuses text that is not such a cursor of the kind asked (garbled,
 * cut, edited, or a cursor of another list). The checksum catches accidents, it is no signature: a
 * cursor forged with a valid checksum is only some other position in the same list, which reveals
 * nothing the list does not.
 */
public sealed interface Cursor permits Cursor.AtRisk, Cursor.Host {
    int VERSION = 1;

    /** After this drive in the at-risk order: probability descending, then region, host, drive. */
    record AtRisk(double probability, String region, String host, String drive) implements Cursor {
        public AtRisk {
            if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in 0..1, was " + probability);
            requireNames(region, host, drive);
        }
    }

    /** After this host in the host order: region, then host. */
    record Host(String region, String host) implements Cursor {
        public Host {
            requireNames(region, host, "-");
        }
    }

    /** The opaque text form, for {@code nextCursor}. */
    default String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            switch (this) {
                case AtRisk a -> {
                    out.writeByte('R');
                    out.writeDouble(a.probability());
                    out.writeUTF(a.region());
                    out.writeUTF(a.host());
                    out.writeUTF(a.drive());
                }
                case Host h -> {
                    out.writeByte('H');
                    out.writeUTF(h.region());
                    out.writeUTF(h.host());
                }
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The cursor of {@code kind} that {@code text} encodes; empty when it is not one. */
    static <C extends Cursor> Optional<C> decode(String text, Class<C> kind) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 6 || !checksumHolds(bytes)) return Optional.empty();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 4))) {
            if (in.readUnsignedByte() != VERSION) return Optional.empty();
            Cursor c = switch (in.readUnsignedByte()) {
                case 'R' -> new AtRisk(in.readDouble(), in.readUTF(), in.readUTF(), in.readUTF());
                case 'H' -> new Host(in.readUTF(), in.readUTF());
                default -> null;
            };
            if (in.available() > 0 || !kind.isInstance(c)) return Optional.empty();
            return Optional.of(kind.cast(c));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // cut short, or a key a cursor cannot hold
        }
    }

    private static boolean checksumHolds(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xff) << 24) | ((bytes[bytes.length - 3] & 0xff) << 16)
                | ((bytes[bytes.length - 2] & 0xff) << 8) | (bytes[bytes.length - 1] & 0xff);
        return stored == (int) crc.getValue();
    }

    private static void requireNames(String region, String host, String drive) {
        if (region == null || host == null || drive == null) throw new IllegalArgumentException("a cursor's names must be non-null");
    }
}
