package io.harbinger.parsers.prometheus;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Builds protobuf bytes field by field, for WriteRequests the encoder cannot produce on purpose
 * (invalid UTF-8, extra and unknown fields, broken framing).
 */
final class RawProtobuf {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    static byte[] build(Consumer<RawProtobuf> body) {
        RawProtobuf raw = new RawProtobuf();
        body.accept(raw);
        return raw.toByteArray();
    }

    RawProtobuf message(int field, Consumer<RawProtobuf> body) {
        return bytes(field, build(body));
    }

    RawProtobuf bytes(int field, byte[] value) {
        return io(() -> out.writeByteArray(field, value));
    }

    RawProtobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    RawProtobuf varint(int field, long value) {
        return io(() -> out.writeInt64(field, value));
    }

    RawProtobuf fixed64Double(int field, double value) {
        return io(() -> out.writeDouble(field, value));
    }

    /** A well-formed series: labels as name/value pairs, then one sample. */
    RawProtobuf series(double value, long millis, String... labels) {
        return message(1, s -> {
            for (int i = 0; i < labels.length; i += 2) {
                String name = labels[i];
                String val = labels[i + 1];
                s.message(1, l -> l.string(1, name).string(2, val));
            }
            s.message(2, smp -> smp.fixed64Double(1, value).varint(2, millis));
        });
    }

    RawProtobuf raw(byte... raw) {
        return io(() -> out.writeRawBytes(raw));
    }

    RawProtobuf tag(int field, int wireType) {
        return io(() -> out.writeTag(field, wireType));
    }

    static final int START_GROUP = WireFormat.WIRETYPE_START_GROUP;
    static final int END_GROUP = WireFormat.WIRETYPE_END_GROUP;

    byte[] toByteArray() {
        io(out::flush);
        return bytes.toByteArray();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private RawProtobuf io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
