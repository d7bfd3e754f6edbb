package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.predict.model.FailureModel;
import io.harbinger.predict.model.ModelFile;
import io.harbinger.predict.model.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The model of a running node is replaced without a restart, and each prediction names the model that made it. */
class ModelReloadIT {
    private static final String BASE = SharedNode.base();

    @AfterEach
    void restoreShippedModel() throws Exception {
        Files.write(SharedNode.modelFile(), SharedNode.shippedModel());
        Http.post(BASE + "/api/v1/model/reload", "application/json", new byte[0]);
    }

    @Test
    void newModelFile_isTakenWithoutRestart_andLaterPredictionsCarryItsVersion() throws Exception {
        String before = Http.getJson(BASE + "/api/v1/model").path("version").asText();
        Path file = SharedNode.modelFile();
        String next;
        try (FailureModel other = TestModels.model()) { // a small synthetic model: only its being another model matters
            ModelFile.write(other, file);
            next = other.version();
        }
        assertThat(next).isNotEqualTo(before);

        JsonNode reloaded = Http.json(Http.post(BASE + "/api/v1/model/reload", "application/json", new byte[0]).body());
        assertThat(reloaded.path("reloaded").asBoolean()).isTrue();
        assertThat(reloaded.path("from").asText()).isEqualTo(before);
        assertThat(reloaded.path("version").asText()).isEqualTo(next);
        assertThat(Http.getJson(BASE + "/api/v1/model").path("version").asText()).isEqualTo(next);

        String region = "reload-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "serial_number,date,model,failure,smart_5_raw,smart_9_raw,smart_187_raw,smart_188_raw,smart_193_raw,smart_194_raw,smart_197_raw,smart_198_raw,smart_241_raw,smart_242_raw\n"
                + "RELOAD1,2018-02-01,ST4000DM000,0,8,17952,0,0,34046,23,16,16,39414155008,52891914613\n";
        HttpResponse<String> r = Http.post(BASE + "/api/v1/import/backblaze?date=2018-02-01&host=h1&region=" + region, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        javax.sql.DataSource db = SharedNode.get().primaryFor(region);
        assertThat(Sql.await(() -> Sql.count(db, "SELECT count(*) FROM predictions WHERE region = ? AND model_version = ?", region, next), 1, Duration.ofSeconds(60)))
                .as("the sample sent after the reload is scored by the new model").isEqualTo(1);
    }

    @Test
    void damagedModelFile_isRefusedWith422_andTheModelInForceStays() throws Exception {
        String before = Http.getJson(BASE + "/api/v1/model").path("version").asText();
        Files.writeString(SharedNode.modelFile(), "{\"format\": \"harbinger-model/1\", \"features\": [\"oops\"]}");
        HttpResponse<String> r = Http.post(BASE + "/api/v1/model/reload", "application/json", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Http.json(r.body()).path("error").asText()).contains("feature set");
        assertThat(Http.getJson(BASE + "/api/v1/model").path("version").asText()).isEqualTo(before);
    }

    @Test
    void unchangedModelFile_reloadsNothing() throws Exception {
        JsonNode r = Http.json(Http.post(BASE + "/api/v1/model/reload", "application/json", new byte[0]).body());
        assertThat(r.path("reloaded").asBoolean()).isFalse();
    }

}
