package io.harbinger.schema.topic;

/**
 * The binary form of a record key or value on a topic. Pure and stateless.
 *
 * @param <T> the type it encodes
 */
public interface Codec<T> {
    byte[] encode(T value);

    /**
     * The value {@code bytes} encode.
     *
     * @throws CorruptRecordException for bytes that are not a value of this codec (never another exception)
     */
    T decode(byte[] bytes);
}
