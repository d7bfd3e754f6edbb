package io.harbinger.pipeline;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The stored form of {@link HostState} (state store and its changelog): version byte, region and
 * host (length-prefixed UTF-8), five longs, the ring's size and its fingerprints oldest first.
 * Unlike the samples topic this data is only written by this code, so a value that does not decode
 * is a bug or a lost disk and fails loudly.
 */
final class HostStateSerde implements Serde<HostState> {
    private static final byte VERSION = 1;

    @Override
    public Serializer<HostState> serializer() {
        return (topic, state) -> encode(state);
    }

    @Override
    public Deserializer<HostState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(HostState s) {
        byte[] region = s.region().getBytes(StandardCharsets.UTF_8);
        byte[] host = s.host().getBytes(StandardCharsets.UTF_8);
        long[] ring = s.recent().oldestFirst();
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + region.length + 4 + host.length + 5 * 8 + 1 + ring.length * 8);
        b.put(VERSION).putInt(region.length).put(region).putInt(host.length).put(host);
        b.putLong(s.points()).putLong(s.samples()).putLong(s.lastSampleNanos()).putLong(s.lastArrivalMillis()).putLong(s.duplicates());
        b.put((byte) ring.length);
        for (long fingerprint : ring) b.putLong(fingerprint);
        return b.array();
    }

    static HostState decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte version = b.get();
            if (version != VERSION) throw new SerializationException("host-state value has version " + version + ", this code reads " + VERSION);
            String region = string(b);
            String host = string(b);
            long points = b.getLong(), samples = b.getLong(), lastSample = b.getLong(), lastArrival = b.getLong(), duplicates = b.getLong();
            long[] ring = new long[b.get()];
            for (int i = 0; i < ring.length; i++) ring[i] = b.getLong();
            return new HostState(region, host, points, samples, lastSample, lastArrival, duplicates, FingerprintRing.of(ring));
        } catch (BufferUnderflowException | NegativeArraySizeException | IllegalArgumentException e) {
            throw new SerializationException("host-state value of " + bytes.length + " bytes is truncated or malformed", e);
        }
    }

    private static String string(ByteBuffer b) {
        byte[] bytes = new byte[b.getInt()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
