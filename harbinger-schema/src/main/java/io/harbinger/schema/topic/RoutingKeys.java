package io.harbinger.schema.topic;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

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
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptRecordException("record key is not valid UTF-8");
        }
    }
}
