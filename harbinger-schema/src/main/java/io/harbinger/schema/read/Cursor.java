package io.harbinger.schema.read;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
        List<String> names = switch (this) {
            case AtRisk a -> List.of(a.region(), a.host(), a.drive());
            case Host h -> List.of(h.region(), h.host());
        };
        List<byte[]> utf8 = names.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
        int size = 2 + (this instanceof AtRisk ? 8 : 0) + utf8.stream().mapToInt(b -> 4 + b.length).sum() + 4;
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put((byte) VERSION);
        switch (this) {
            case AtRisk a -> out.put((byte) 'R').putDouble(a.probability());
            case Host h -> out.put((byte) 'H');
        }
        for (byte[] b : utf8) out.putInt(b.length).put(b);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, size - 4);
        out.putInt((int) crc.getValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** The cursor of {@code kind} that {@code text} encodes; empty when it is not one. */
    static <C extends Cursor> Optional<C> decode(String text, Class<C> kind) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 6) return Optional.empty();
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if (ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt() != (int) crc.getValue()) return Optional.empty();
        try {
            if (in.get() != VERSION) return Optional.empty();
            Cursor c = switch (in.get()) {
                case 'R' -> {
                    double p = in.getDouble();
                    yield new AtRisk(p, name(in), name(in), name(in));
                }
                case 'H' -> new Host(name(in), name(in));
                default -> null;
            };
            if (in.hasRemaining() || !kind.isInstance(c)) return Optional.empty();
            return Optional.of(kind.cast(c));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return Optional.empty(); // cut short, or a key a cursor cannot hold
        }
    }

    private static String name(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) throw new BufferUnderflowException();
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void requireNames(String region, String host, String drive) {
        if (region == null || host == null || drive == null) throw new IllegalArgumentException("a cursor's names must be non-null");
    }
}
