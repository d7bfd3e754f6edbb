package io.harbinger.auth.key;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The key a request presents, in the forms agents already send (docs/adr/0013-api-keys.md):
 * <ul>
 *   <li>{@code Authorization: Bearer <key>} — the API, OTLP exporters ({@code OTEL_EXPORTER_OTLP_HEADERS}),
 *       Prometheus remote write's {@code authorization}, Telegraf's {@code http} output;</li>
 *   <li>{@code Authorization: Token <key>} — InfluxDB v2 clients and Telegraf's {@code influxdb_v2} output;</li>
 *   <li>{@code Authorization: Basic base64(<anything>:<key>)} — Prometheus remote write's {@code basic_auth},
 *       InfluxDB v1 clients with a username and password;</li>
 *   <li>{@code ?u=<anything>&p=<key>} — InfluxDB v1's query parameters (Telegraf's {@code influxdb} output).</li>
 * </ul>
 * An {@code Authorization} header wins over the query parameter. Pure: the HTTP layer passes the two values in.
 */
public final class Credentials {
    private Credentials() {
    }

    /**
     * @param authorization the {@code Authorization} header, if any
     * @param queryPassword the {@code p} query parameter, if any
     */
    public static Presented read(Optional<String> authorization, Optional<String> queryPassword) {
        if (authorization.isPresent()) return header(authorization.get().strip());
        return queryPassword.map(p -> key(p, "query parameter p")).orElseGet(Presented.Absent::new);
    }

    private static Presented header(String value) {
        int space = value.indexOf(' ');
        if (space < 0) return new Presented.Malformed("Authorization header has no scheme: expected Bearer, Token or Basic followed by the key");
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String rest = value.substring(space + 1).strip();
        return switch (scheme) {
            case "bearer" -> key(rest, "Authorization Bearer");
            case "token" -> key(rest, "Authorization Token");
            case "basic" -> basic(rest);
            default -> new Presented.Malformed("Authorization scheme '" + value.substring(0, space) + "' is not one of Bearer, Token, Basic");
        };
    }

    private static Presented basic(String encoded) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Presented.Malformed("Authorization Basic is not base64");
        }
        int colon = pair.indexOf(':');
        if (colon < 0) return new Presented.Malformed("Authorization Basic holds no user:password pair");
        return key(pair.substring(colon + 1), "Authorization Basic password");
    }

    private static Presented key(String token, String form) {
        if (token.isEmpty()) return new Presented.Malformed(form + " is empty");
        return ApiKey.parse(token).<Presented>map(k -> new Presented.Key(k, form))
                .orElseGet(() -> new Presented.Malformed(form + " is not a Harbinger key (hbk_<12 hex digits>_<43 characters>)"));
    }
}
