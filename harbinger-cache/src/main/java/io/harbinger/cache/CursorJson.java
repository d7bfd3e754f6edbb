package io.harbinger.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.harbinger.schema.read.Cursor;

import java.io.IOException;

/** A page's {@link Cursor} in the Redis tier's JSON: its opaque text ({@link Cursor#encode}), read back by {@link Cursor#decode}. */
final class CursorJson {
    static final SimpleModule MODULE = new SimpleModule("harbinger-cursor")
            .addSerializer(Cursor.class, new JsonSerializer<>() {
                @Override
                public void serialize(Cursor value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeString(value.encode());
                }
            })
            .addDeserializer(Cursor.class, new JsonDeserializer<>() {
                @Override
                public Cursor deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    String text = p.getValueAsString();
                    return Cursor.decode(text, Cursor.class)
                            .orElseThrow(() -> ctxt.weirdStringException(text, Cursor.class, "not a cursor"));
                }
            });

    private CursorJson() {
    }
}
