package io.harbinger.schema.topic;

import io.harbinger.core.text.Utf8;

import java.nio.charset.StandardCharsets;

/**
 * Record keys: a point's routing key ({@code <region>/<host>}, see {@code Point.routingKey()}) as
 * UTF-8. Every record of one host has the same key, so a host's records stay in one partition, in order.
 */
public final class RoutingKeys implements Codec<String> {
    public static final RoutingKeys CODEC = new RoutingKeys();

    private RoutingKeys() {
    }

    @Override
    public byte[] encode(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(byte[] bytes) {
        if (bytes == null) throw new CorruptRecordException("no record key (null)");
        int bad = Utf8.firstInvalid(bytes, 0, bytes.length);
        if (bad != Utf8.VALID) throw new CorruptRecordException("record key is not valid UTF-8 (at byte " + bad + ")");
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
