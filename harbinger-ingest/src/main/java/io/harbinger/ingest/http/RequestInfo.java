package io.harbinger.ingest.http;

import java.util.List;
import java.util.Map;

/** What a protocol may look at besides the body: query parameters and a few headers. */
record RequestInfo(Map<String, List<String>> query, String contentType, String idempotencyKey) {

    /** The first value of a query parameter, or "" when absent. */
    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.getFirst() == null ? "" : values.getFirst().trim();
    }

    /** True when the media type (parameters such as charset ignored) equals {@code mediaType}. */
    boolean contentTypeIs(String mediaType) {
        if (contentType == null) return false;
        int semicolon = contentType.indexOf(';');
        String bare = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return bare.equalsIgnoreCase(mediaType);
    }
}
