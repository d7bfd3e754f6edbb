package io.harbinger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.Javalin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 description of the node's routes: {@code openapi.yaml} beside this class's package
 * on the classpath, with the fragments of {@link #FRAGMENTS} merged in when present (a module that adds
 * routes describes them in its own {@code openapi/<name>.yaml}: its {@code paths} and
 * {@code components.schemas} join the document's; a path or schema named twice is an error).
 * Served at {@code GET /api/openapi.yaml}; {@code OpenApiTest} holds it to the routes and their answers.
 */
public final class ApiDocument {
    static final String MAIN = "/openapi.yaml";
    /** Fragments other modules contribute, each optional. */
    static final List<String> FRAGMENTS = List.of("/openapi/alerts.yaml", "/openapi/system.yaml", "/openapi/auth.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();

    private ApiDocument() {
    }

    static void register(Javalin app) {
        String text = yaml();
        app.get("/api/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8").result(text));
    }

    /** The merged document as YAML. */
    public static String yaml() {
        try {
            return YAML.writeValueAsString(tree());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The merged document. */
    static ObjectNode tree() {
        ObjectNode doc = (ObjectNode) read(MAIN);
        for (String fragment : FRAGMENTS) {
            JsonNode part = readIfPresent(fragment);
            if (part == null) continue;
            merge(doc, part.path("paths"), "paths", fragment);
            merge(doc.withObject("/components"), part.path("components"), fragment);
        }
        return doc;
    }

    /** The paths {@code openapi.yaml} itself describes (not its fragments'). */
    static java.util.Set<String> mainPaths() {
        java.util.Set<String> paths = new java.util.TreeSet<>();
        read(MAIN).path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    private static void merge(ObjectNode components, JsonNode partComponents, String fragment) {
        for (Iterator<Map.Entry<String, JsonNode>> kinds = partComponents.fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            merge(components, kind.getValue(), kind.getKey(), fragment);
        }
    }

    /** Adds every entry of {@code part} to {@code into.field}; a name already there is an error. */
    private static void merge(ObjectNode into, JsonNode part, String field, String fragment) {
        ObjectNode target = into.withObject("/" + field);
        for (Iterator<Map.Entry<String, JsonNode>> entries = part.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> e = entries.next();
            if (target.has(e.getKey())) throw new IllegalStateException(fragment + " describes " + field + " " + e.getKey() + " again");
            target.set(e.getKey(), e.getValue());
        }
    }

    private static JsonNode read(String resource) {
        JsonNode node = readIfPresent(resource);
        if (node == null) throw new IllegalStateException("no " + resource + " on the classpath");
        return node;
    }

    private static JsonNode readIfPresent(String resource) {
        try (InputStream in = ApiDocument.class.getResourceAsStream(resource)) {
            return in == null ? null : YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
