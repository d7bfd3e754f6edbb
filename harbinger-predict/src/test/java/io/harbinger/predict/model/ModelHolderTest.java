package io.harbinger.predict.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harbinger.predict.feature.Features;
import io.harbinger.predict.model.ModelHolder.Reload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelHolderTest {
    private static FailureModel first;
    private static FailureModel second;
    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        first = TestModels.model(1, 10);
        second = TestModels.model(2, 12);
    }

    @AfterAll
    static void free() {
        first.close();
        second.close();
    }

    /** Writes {@code model} to {@code file}, with a modification time distinct from any before (coarse clocks). */
    private static void put(FailureModel model, Path file, int second) throws IOException {
        ModelFile.write(model, file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + second * 1000L));
    }

    @Test
    void watching_readsTheFileNow() throws IOException {
        Path file = dir.resolve("model.json");
        put(first, file, 1);
        ModelHolder holder = ModelHolder.watching(file);
        assertThat(holder.version()).isEqualTo(first.version());
        assertThat(holder.get().version()).isEqualTo(first.version());
        assertThat(holder.file()).contains(file);
    }

    @Test
    void watching_aFileWithoutAModel_throws() throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "garbage");
        assertThatThrownBy(() -> ModelHolder.watching(file)).isInstanceOf(ModelFile.InvalidModelException.class);
        assertThatThrownBy(() -> ModelHolder.watching(dir.resolve("missing.json"))).isInstanceOf(IOException.class);
    }

    @Test
    void reload_ofAnUntouchedFile_isUnchanged() throws IOException {
        Path file = dir.resolve("model.json");
        put(first, file, 1);
        ModelHolder holder = ModelHolder.watching(file);
        assertThat(holder.reload()).isEqualTo(new Reload.Unchanged(first.version()));
    }

    @Test
    void reload_ofTheSameModelWrittenAgain_isUnchanged() throws IOException {
        Path file = dir.resolve("model.json");
        put(first, file, 1);
        ModelHolder holder = ModelHolder.watching(file);
        FailureModel before = holder.get();
        put(first, file, 2);
        assertThat(holder.reload()).isEqualTo(new Reload.Unchanged(first.version()));
        assertThat(holder.get()).isSameAs(before);
    }

    @Test
    void reload_ofAnotherModel_replacesIt() throws IOException {
        Path file = dir.resolve("model.json");
        put(first, file, 1);
        ModelHolder holder = ModelHolder.watching(file);
        put(second, file, 2);
        assertThat(holder.reload()).isEqualTo(new Reload.Replaced(first.version(), second.version()));
        assertThat(holder.get().version()).isEqualTo(second.version());
        assertThat(holder.reload()).isEqualTo(new Reload.Unchanged(second.version()));
    }

    @Test
    void reload_ofGarbage_isRefused_andTheModelStays_untilAValidOneComes() throws IOException {
        Path file = dir.resolve("model.json");
        put(first, file, 1);
        ModelHolder holder = ModelHolder.watching(file);
        FailureModel before = holder.get();
        Files.writeString(file, "{\"format\": \"something else\"}");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_002_000L));

        Reload refused = holder.reload();
        assertThat(refused).isInstanceOf(Reload.Refused.class);
        assertThat(((Reload.Refused) refused).version()).isEqualTo(first.version());
        assertThat(((Reload.Refused) refused).reason()).contains("not a Harbinger model");
        assertThat(holder.get()).isSameAs(before);
        assertThat(before.probabilities(TestModels.rows(1, 3), 1)).as("the model in force still scores").hasSize(1);

        put(second, file, 3);
        assertThat(holder.reload()).isEqualTo(new Reload.Replaced(first.version(), second.version()));
    }

    @Test
    void reload_ofADeletedFile_isRefused() throws IOException {
        Path file = dir.resolve("model.json");
        put(first, file, 1);
        ModelHolder holder = ModelHolder.watching(file);
        Files.delete(file);
        assertThat(holder.reload()).isInstanceOf(Reload.Refused.class);
        assertThat(holder.version()).isEqualTo(first.version());
    }

    @Test
    void fixed_neverReloads() {
        ModelHolder holder = ModelHolder.fixed(first);
        assertThat(holder.reload()).isEqualTo(new Reload.Unchanged(first.version()));
        assertThat(holder.file()).isEmpty();
    }

    @Test
    void bundled_loadsTheShippedModel_trainedOnThisBuildsFeatures() {
        ModelHolder holder = ModelHolder.bundled();
        ModelInfo info = holder.get().info();
        assertThat(info.features()).isEqualTo(Features.NAMES);
        assertThat(info.featureSet()).isEqualTo(Features.VERSION);
        assertThat(holder.version()).matches("xgb-[0-9a-f]{12}");
        for (float p : holder.get().probabilities(TestModels.rows(5, 3), 5)) assertThat(p).isBetween(0f, 1f);
    }
}
