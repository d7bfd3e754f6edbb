package io.harbinger.schema.topic;

/**
 * A topic with the types of its keys and values: whoever writes or reads it uses these codecs, so
 * the contract between the stages is declared once.
 */
public record Topic<K, V>(String name, Codec<K> keys, Codec<V> values) {
    public Topic {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a topic needs a name");
        if (keys == null || values == null) throw new IllegalArgumentException("topic " + name + " needs a key and a value codec");
    }
}
