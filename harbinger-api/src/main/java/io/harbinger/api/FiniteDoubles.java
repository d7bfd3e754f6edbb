package io.harbinger.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/** Doubles in JSON: a non-finite one (NaN: unknown, or infinite) is written null, which JSON can hold; the rest as Jackson writes them. */
final class FiniteDoubles extends StdSerializer<Double> {
    static final SimpleModule MODULE = new SimpleModule("finite-doubles")
            .addSerializer(Double.class, new FiniteDoubles())
            .addSerializer(Double.TYPE, new FiniteDoubles());

    private FiniteDoubles() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
        if (Double.isFinite(value)) out.writeNumber(value);
        else out.writeNull();
    }
}
