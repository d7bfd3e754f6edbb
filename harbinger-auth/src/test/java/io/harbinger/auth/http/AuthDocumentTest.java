package io.harbinger.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.harbinger.auth.key.Authenticator;
import io.harbinger.auth.key.InMemoryAuditLog;
import io.harbinger.auth.key.InMemoryKeyStore;
import io.harbinger.auth.key.Keys;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code openapi/auth.yaml}, the fragment ApiDocument merges, is valid OpenAPI and documents exactly the key and audit routes. */
class AuthDocumentTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theFragment_isValid_andDocumentsExactlyTheKeyAndAuditRoutes() throws Exception {
        JsonNode fragment;
        try (InputStream in = AuthDocumentTest.class.getResourceAsStream("/openapi/auth.yaml")) {
            fragment = YAML.readTree(in);
        }
        ObjectNode doc = YAML.createObjectNode().put("openapi", "3.0.3");
        doc.putObject("info").put("title", "auth").put("version", "1");
        doc.set("paths", fragment.get("paths"));
        doc.set("components", fragment.get("components"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(YAML.writeValueAsString(doc), null, options);
        assertThat(parsed.getMessages()).isEmpty();

        Set<String> documented = new TreeSet<>();
        parsed.getOpenAPI().getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(m -> documented.add(m.name() + " " + path)));
        Javalin app = Javalin.create();
        InMemoryKeyStore store = new InMemoryKeyStore();
        KeyRoutes.register(app, new Keys(store, new InMemoryAuditLog(), new SecureRandom(), Clock.systemUTC()),
                new Authenticator(store, Duration.ofSeconds(1), com.github.benmanes.caffeine.cache.Ticker.systemTicker()));
        AuditRoutes.register(app, new InMemoryAuditLog());
        Set<String> registered = app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .filter(h -> h.getEndpoint().getMethod() != HandlerType.BEFORE_MATCHED)
                .map(h -> h.getEndpoint().getMethod().name() + " " + h.getEndpoint().getPath()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(registered);
    }
}
