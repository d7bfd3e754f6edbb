package io.harbinger.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.Rejection;

import java.nio.charset.StandardCharsets;

/** An HTTP answer: status, content type and body (empty for 204). */
record Reply(int status, String contentType, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String APPLICATION_JSON = "application/json";

    static Reply noContent() {
        return new Reply(204, null, new byte[0]);
    }

    static Reply json(int status, ObjectNode node) {
        try {
            return new Reply(status, APPLICATION_JSON, JSON.writeValueAsBytes(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** {@code {"error": message}}: the shape InfluxDB clients (Telegraf) log. */
    static Reply jsonError(int status, String message) {
        return json(status, object().put("error", message));
    }

    /** 400 with every listed rejection as {@code {line, reason, detail}} and the total count. */
    static Reply rejections(ParseResult.Rejected rejected, int written) {
        ObjectNode node = object().put("error", rejected.message()).put("rejected", rejected.rejectedCount()).put("written", written);
        ArrayNode list = node.putArray("rejections");
        for (Rejection r : rejected.rejections()) {
            list.addObject().put("line", r.line()).put("reason", r.reason().label()).put("detail", r.detail());
        }
        return json(400, node);
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
