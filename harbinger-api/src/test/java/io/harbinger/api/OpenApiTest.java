package io.harbinger.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.harbinger.api.port.ModelControl;
import io.harbinger.api.port.Readiness;
import io.harbinger.schema.read.HostStats;
import io.harbinger.schema.read.ProcessorReads;
import io.harbinger.schema.read.Totals;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code openapi.yaml} (with the fragments {@link ApiDocument} merges) is a valid OpenAPI 3.0 document,
 * documents exactly the routes the node registers (an undocumented route, or a documented one that is
 * gone, fails the build), and the answers of a real server behind in-memory ports with realistic rows
 * match the documented response schema of their status (additional properties refused where the
 * document says so: a field the document does not name fails too).
 */
class OpenApiTest {
    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final AtomicReference<ModelControl.Reload> NEXT_RELOAD = new AtomicReference<>(new ModelControl.Reload.NoFile());
    private static final InMemoryFleet FLEET = new InMemoryFleet();
    private static final AlertRoutesTest.InMemoryBook BOOK = new AlertRoutesTest.InMemoryBook();
    private static Javalin app;
    private static OpenAPI api;
    private static tools.jackson.databind.JsonNode document;
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());

    @BeforeAll
    static void start() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(ApiDocument.yaml(), null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's messages").isEmpty();
        api = parsed.getOpenAPI();
        document = tools.jackson.databind.json.JsonMapper.builder().build().readTree(new ObjectMapper().writeValueAsString(ApiDocument.tree()));
        app = HttpApi.server();
        ProcessorReads processor = processor();
        BOOK.add("h-001", io.harbinger.schema.alert.AlertState.FIRING, InMemoryFleet.AS_OF);
        // every port given, so that every route of the node (the fragments' too) is registered and held to the document
        HttpApi.mount(app, new ApiPorts(processor, FLEET, model(), List.of(new Readiness("processor", processor::ready),
                new Readiness("storage", FLEET::healthy)), () -> "harbinger_up 1\n", Clock.fixed(InMemoryFleet.AS_OF, ZoneOffset.UTC))
                .withAlerts(BOOK).withSystem(() -> SystemRoutesTest.status(InMemoryFleet.AS_OF, 1)));
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.stop();
    }

    @Test
    void theDocument_isValidOpenApi303() {
        assertThat(api.getOpenapi()).isEqualTo("3.0.3");
        assertThat(api.getPaths()).isNotEmpty();
    }

    @Test
    void everyRegisteredRoute_isDocumented_andEveryDocumentedRouteIsRegistered() {
        Set<String> registered = app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .filter(h -> METHODS.contains(h.getEndpoint().getMethod()))
                .map(h -> h.getEndpoint().getMethod().name() + " " + h.getEndpoint().getPath())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented()).containsExactlyElementsOf(registered);
    }

    private static Set<String> documented() {
        Set<String> out = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(m -> out.add(m.name() + " " + path)));
        return out;
    }

    /** The requests whose answers are checked: every documented operation, and every error status the routes give. */
    private static final List<Call> CALLS = List.of(
            new Call("GET", "/api/v1/fleet/summary", "/api/v1/fleet/summary?days=3", 200),
            new Call("GET", "/api/v1/fleet/summary", "/api/v1/fleet/summary?days=900", 400),
            new Call("GET", "/api/v1/fleet/at-risk", "/api/v1/fleet/at-risk?limit=2", 200),
            new Call("GET", "/api/v1/fleet/at-risk", "/api/v1/fleet/at-risk?bucket=good,warning,bad,unknown", 200),
            new Call("GET", "/api/v1/fleet/at-risk", "/api/v1/fleet/at-risk?cursor=nope", 400),
            new Call("GET", "/api/v1/fleet/hosts", "/api/v1/fleet/hosts?limit=2", 200),
            new Call("GET", "/api/v1/fleet/hosts", "/api/v1/fleet/hosts?region=us-1", 200),
            new Call("GET", "/api/v1/fleet/hosts/{region}/{host}", "/api/v1/fleet/hosts/eu-1/h-001", 200),
            new Call("GET", "/api/v1/fleet/hosts/{region}/{host}", "/api/v1/fleet/hosts/eu-1/h-404", 404),
            new Call("GET", "/api/v1/fleet/drives/{region}/{host}/{drive}", "/api/v1/fleet/drives/eu-1/h-001/ZJV0A001", 200),
            new Call("GET", "/api/v1/fleet/drives/{region}/{host}/{drive}", "/api/v1/fleet/drives/eu-1/h-001/XYZ", 404),
            new Call("GET", "/api/v1/fleet/drives/{region}/{host}/{drive}", "/api/v1/fleet/drives/eu-1/h-001/ZJV0A001?from=x", 400),
            new Call("GET", "/api/v1/drives/{region}/{host}/{drive}/predictions", "/api/v1/drives/eu-1/h-001/ZJV0A001/predictions", 200),
            new Call("GET", "/api/v1/episodes", "/api/v1/episodes?region=eu-1&open=true", 200),
            new Call("GET", "/api/v1/episodes", "/api/v1/episodes", 400),
            new Call("GET", "/api/v1/risk", "/api/v1/risk?limit=5", 200),
            new Call("GET", "/api/v1/store/stats", "/api/v1/store/stats", 200),
            new Call("GET", "/api/v1/store/hosts", "/api/v1/store/hosts?prefix=h", 200),
            new Call("GET", "/api/v1/store/hosts", "/api/v1/store/hosts", 400),
            new Call("GET", "/api/v1/hosts", "/api/v1/hosts", 200),
            new Call("GET", "/api/v1/hosts/{region}/{host}", "/api/v1/hosts/eu-1/h-001", 200),
            new Call("GET", "/api/v1/hosts/{region}/{host}", "/api/v1/hosts/eu-1/h-404", 404),
            new Call("GET", "/api/v1/stats", "/api/v1/stats", 200),
            new Call("GET", "/api/v1/model", "/api/v1/model", 200),
            new Call("POST", "/api/v1/model/reload", "/api/v1/model/reload", 409),
            new Call("GET", "/metrics", "/metrics", 200),
            new Call("GET", "/health", "/health", 200),
            new Call("GET", "/ready", "/ready", 200),
            new Call("GET", "/api/openapi.yaml", "/api/openapi.yaml", 200),
            // the fragments' routes (their modules' tests check their behaviour; here their answers meet the document)
            new Call("GET", "/api/v1/alerts", "/api/v1/alerts?state=all", 200),
            new Call("GET", "/api/v1/alerts", "/api/v1/alerts?state=bogus", 400),
            new Call("GET", "/api/v1/alerts/{id}", "/api/v1/alerts/00000000-0000-0000-0000-000000000000", 404),
            new Call("GET", "/api/v1/silences", "/api/v1/silences?state=all", 200),
            new Call("GET", "/api/v1/system", "/api/v1/system", 200));

    private record Call(String method, String documentedPath, String uri, int status) {
    }

    @Test
    void everyAnswer_matchesTheSchemaDocumentedForItsStatus() throws Exception {
        for (Call call : CALLS) check(call);
        NEXT_RELOAD.set(new ModelControl.Reload.Replaced("xgb-1", "xgb-2"));
        check(new Call("POST", "/api/v1/model/reload", "/api/v1/model/reload", 200));
        NEXT_RELOAD.set(new ModelControl.Reload.Refused("not a model file", "xgb-1"));
        check(new Call("POST", "/api/v1/model/reload", "/api/v1/model/reload", 422));
        FLEET.down.set(true);
        try {
            check(new Call("GET", "/api/v1/fleet/at-risk", "/api/v1/fleet/at-risk", 503));
            check(new Call("GET", "/ready", "/ready", 503));
        } finally {
            FLEET.down.set(false);
        }
    }

    @Test
    void theChecks_coverEveryDocumentedOperation() {
        Set<String> called = CALLS.stream().map(c -> c.method() + " " + c.documentedPath()).collect(Collectors.toCollection(TreeSet::new));

        Set<String> mainPaths = ApiDocument.mainPaths();
        assertThat(called).as("operations of openapi.yaml (a fragment's module checks its own)")
                .containsAll(documented().stream().filter(op -> mainPaths.contains(op.substring(op.indexOf(' ') + 1))).toList());
    }

    @Test
    void aSchemaCheck_canFail() {
        assertThat(errors("/api/v1/fleet/hosts", "get", 200, "{\"items\": [{\"region\": \"eu-1\"}], \"nextCursor\": null, \"extra\": 1}"))
                .as("missing fields and an undocumented one").hasSizeGreaterThanOrEqualTo(2);
        assertThat(errors("/api/v1/fleet/drives/{region}/{host}/{drive}", "get", 200,
                "{\"region\":\"r\",\"host\":\"h\",\"drive\":\"d\",\"driveModel\":null,\"latest\":null,\"from\":\"2026-01-01T00:00:00Z\","
                        + "\"to\":\"2026-01-02T00:00:00Z\",\"risk\":[],\"smart\":[]}")).as("a drive never scored (latest null)").isEmpty();
    }

    private static void check(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + call.uri()));
        if (call.method().equals("POST")) request.POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(call + ": " + r.body()).isEqualTo(call.status());
        Operation op = operation(call.documentedPath(), call.method());
        ApiResponse documented = op.getResponses().get(Integer.toString(call.status()));
        assertThat(documented).as(call + ": status documented").isNotNull();
        if (documented.get$ref() != null) {
            documented = api.getComponents().getResponses().get(documented.get$ref().substring("#/components/responses/".length()));
        }
        String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        assertThat(documented.getContent()).as(call + ": content type " + type + " documented").containsKey(type);
        if (type.equals("application/json")) {
            assertThat(errors(call.documentedPath(), call.method().toLowerCase(), call.status(), r.body())).as(call + ": " + r.body()).isEmpty();
        }
    }

    private static Operation operation(String path, String method) {
        PathItem item = api.getPaths().get(path);
        assertThat(item).as(path + " documented").isNotNull();
        Operation op = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        assertThat(op).as(method + " " + path + " documented").isNotNull();
        return op;
    }

    /**
     * The schema errors of {@code body} against the response schema of {@code path}/{@code method}/{@code status}
     * in the document as written (its $refs resolved against the document: the schema is checked inside a
     * copy of the document's components).
     */
    private static List<Error> errors(String path, String method, int status, String body) {
        tools.jackson.databind.JsonNode responses = document.path("paths").path(path).path(method).path("responses");
        tools.jackson.databind.JsonNode response = responses.path(Integer.toString(status));
        if (response.has("$ref")) {
            String name = response.get("$ref").asString().substring("#/components/responses/".length());
            response = document.path("components").path("responses").path(name);
        }
        tools.jackson.databind.JsonNode schema = response.path("content").path("application/json").path("schema");
        assertThat(schema.isMissingNode()).as(method + " " + path + " " + status + " has a JSON schema").isFalse();
        tools.jackson.databind.node.ObjectNode wrapper = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        wrapper.putArray("allOf").add(schema);
        wrapper.set("components", document.path("components"));
        Schema validator = SCHEMAS.getSchema(wrapper.toString(), InputFormat.JSON);
        return validator.validate(body, InputFormat.JSON);
    }

    private static ProcessorReads processor() {
        return new ProcessorReads() {
            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public List<HostStats> hosts() {
                return List.of(new HostStats("eu-1", "h-001", 3, 12, 1_764_547_200_000_000_000L, 1_764_547_200_000L, 0));
            }

            @Override
            public Optional<HostStats> host(String region, String host) {
                return hosts().stream().filter(h -> h.region().equals(region) && h.host().equals(host)).findFirst();
            }

            @Override
            public Totals totals() {
                return new Totals(1, 3, 12, 0, 0);
            }
        };
    }

    private static ModelControl model() {
        return new ModelControl() {
            @Override
            public Map<String, Object> describe() {
                return Map.of("version", "xgb-1", "horizonDays", 10);
            }

            @Override
            public Reload reload() {
                return NEXT_RELOAD.get();
            }
        };
    }
}
