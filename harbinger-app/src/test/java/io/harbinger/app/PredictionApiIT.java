package io.harbinger.app;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The read API of predictions answers bad parameters with a 400 that names the parameter. */
class PredictionApiIT {
    private static final String BASE = SharedNode.base();

    @Test
    void episodesWithoutRegion_get400() throws Exception {
        HttpResponse<String> r = Http.get(BASE + "/api/v1/episodes");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).path("error").asText()).contains("region").contains("required");
    }

    @Test
    void predictionsWithBadInstant_get400NamingIt() throws Exception {
        HttpResponse<String> r = Http.get(BASE + "/api/v1/drives/r/h/d/predictions?from=yesterday");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).path("error").asText()).contains("from").contains("ISO-8601");
    }

    @Test
    void rangeBackwardsOrTooLong_gets400() throws Exception {
        assertThat(Http.get(BASE + "/api/v1/drives/r/h/d/predictions?from=2018-02-01T00:00:00Z&to=2018-01-01T00:00:00Z").statusCode()).isEqualTo(400);
        assertThat(Http.get(BASE + "/api/v1/drives/r/h/d/predictions?from=2010-01-01T00:00:00Z&to=2018-01-01T00:00:00Z").statusCode()).isEqualTo(400);
    }

    @Test
    void riskLimitOutOfRange_gets400() throws Exception {
        assertThat(Http.get(BASE + "/api/v1/risk?limit=0").statusCode()).isEqualTo(400);
        assertThat(Http.get(BASE + "/api/v1/risk?limit=lots").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownDrive_hasNoPredictions_andRiskAnswers() throws Exception {
        HttpResponse<String> r = Http.get(BASE + "/api/v1/drives/nowhere/none/nothing/predictions");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r.body()).isEmpty()).isTrue();
        assertThat(Http.get(BASE + "/api/v1/risk?limit=5").statusCode()).isEqualTo(200);
    }

    @Test
    void modelEndpoint_describesTheModelInForce() throws Exception {
        var model = Http.getJson(BASE + "/api/v1/model");
        assertThat(model.path("version").asText()).startsWith("xgb-");
        assertThat(model.path("horizonDays").asInt()).isEqualTo(14);
        assertThat(model.path("warningDays").asInt()).isEqualTo(42);
        assertThat(model.path("alarm").path("k").asInt()).isEqualTo(1);
        assertThat(model.path("calibration").path("risk").path("a").asDouble()).isPositive();
        assertThat(model.path("training").path("families").asText()).isEqualTo("ST4000DM000");
        assertThat(model.path("features").size()).isEqualTo(io.harbinger.predict.feature.Features.COUNT);
    }
}
