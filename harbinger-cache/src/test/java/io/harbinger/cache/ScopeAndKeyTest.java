package io.harbinger.cache;

import io.harbinger.schema.cache.ChangedKey;
import io.harbinger.schema.cache.Invalidation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeAndKeyTest {
    private static final String NS = "harbinger:v1:t.:";

    @Test
    void predictionOfADrive_reachesItsHostRegionAndTheFleet_notOtherDrives() {
        Invalidation inv = new Invalidation(Instant.EPOCH, Invalidation.Source.PREDICTIONS, List.of(new ChangedKey("eu-1", "h1", "d1")));
        assertThat(Scope.affectedBy(inv)).containsExactlyInAnyOrder(Scope.drive("eu-1", "h1", "d1"), Scope.host("eu-1", "h1"),
                Scope.region("eu-1"), Scope.FLEET);
    }

    @Test
    void sampleOfADrive_reachesOnlyTheDriveAndItsHost() {
        Invalidation inv = new Invalidation(Instant.EPOCH, Invalidation.Source.SAMPLES,
                List.of(new ChangedKey("eu-1", "h1", "d1"), ChangedKey.host("us-2", "h9")));
        assertThat(Scope.affectedBy(inv)).containsExactlyInAnyOrder(Scope.drive("eu-1", "h1", "d1"), Scope.host("eu-1", "h1"), Scope.host("us-2", "h9"));
    }

    @Test
    void emptyInvalidation_reachesNothing() {
        assertThat(Scope.affectedBy(new Invalidation(Instant.EPOCH, Invalidation.Source.PREDICTIONS, List.of()))).isEmpty();
    }

    @Test
    void scopeText_isUnambiguousForPartsWithSeparators() {
        assertThat(Scope.drive("a/b", "c", "d").text()).isNotEqualTo(Scope.drive("a", "b/c", "d").text());
        assertThat(Scope.drive("eu-1", "h 1", "ZJV/0").text()).isEqualTo("d/eu-1/h+1/ZJV%2F0");
        assertThat(Scope.FLEET.text()).isEqualTo("fleet");
        assertThat(Scope.region("eu-1").text()).isEqualTo("r/eu-1");
    }

    @Test
    void scope_refusesAHostWithoutRegionAndEmptyParts() {
        assertThatThrownBy(() -> new Scope("", "h", "")).hasMessageContaining("needs a region");
        assertThatThrownBy(() -> Scope.drive("eu-1", "", "d")).hasMessageContaining("host must be non-empty");
    }

    @Test
    void key_normalisesInstantsAndSetsOfChoices() {
        Instant a = Instant.parse("2026-12-01T00:00:00Z");
        Instant b = Instant.parse("2026-12-01T00:00:00.000Z");
        assertThat(CacheKey.of("top-risk", Scope.FLEET, 100, a)).isEqualTo(CacheKey.of("top-risk", Scope.FLEET, 100, b));
        assertThat(CacheKey.of("at-risk", Scope.FLEET, List.of("bad", "warning"))).isEqualTo(CacheKey.of("at-risk", Scope.FLEET, List.of("warning", "bad")));
        assertThat(CacheKey.of("top-risk", Scope.FLEET, 100, a)).isNotEqualTo(CacheKey.of("top-risk", Scope.FLEET, 10, a));
        assertThat(CacheKey.of("x", Scope.FLEET, "a,b")).isNotEqualTo(CacheKey.of("x", Scope.FLEET, "a", "b"));
    }

    @Test
    void redisKeys_areNamespacedAndNameTheScope() {
        CacheKey key = CacheKey.of("drive-predictions", Scope.drive("eu-1", "h1", "d1"), Instant.EPOCH, null);
        assertThat(key.redisKey(NS)).isEqualTo("harbinger:v1:t.:k:drive-predictions:d/eu-1/h1/d1:0.0,-");
        assertThat(CacheKey.scopeSetKey(NS, Scope.region("eu-1"))).isEqualTo("harbinger:v1:t.:s:r/eu-1");
    }
}
