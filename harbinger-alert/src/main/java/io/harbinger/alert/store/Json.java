package io.harbinger.alert.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.schema.alert.Matcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The jsonb columns: label and annotation maps, silence matchers. */
final class Json {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Json() {
    }

    static String of(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and maps always serialize", e);
        }
    }

    static Map<String, String> map(String json) {
        try {
            return new TreeMap<>(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored label map does not read: " + json, e);
        }
    }

    static String matchers(List<Matcher> matchers) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Matcher m : matchers) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("name", m.name());
            one.put("op", m.op().symbol());
            one.put("value", m.value());
            out.add(one);
        }
        return of(out);
    }

    static List<Matcher> matchers(String json) {
        try {
            List<Map<String, String>> in = JSON.readValue(json, new TypeReference<List<Map<String, String>>>() { });
            return in.stream().map(m -> new Matcher(m.get("name"), Matcher.Op.ofSymbol(m.get("op")).orElseThrow(), m.get("value"))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored matchers do not read: " + json, e);
        }
    }
}
