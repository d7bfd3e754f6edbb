package io.harbinger.auth.key;

import io.harbinger.schema.auth.Role;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {
    private final AccessPolicy policy = new AccessPolicy(Set.of("/write", "/api/v2/write", "/api/v1/write", "/v1/metrics"));

    @Test
    void probesScrapeDescriptionAndDashboardFiles_areOpen() {
        for (String path : new String[] {"/health", "/ready", "/metrics", "/api/openapi.yaml", "/", "/app.js", "/webjars/uplot/1.6.30/dist/uPlot.min.css"}) {
            assertThat(policy.required("GET", path)).as(path).isEmpty();
        }
    }

    @Test
    void ingest_needsWrite() {
        assertThat(policy.required("POST", "/write")).contains(Role.WRITE);
        assertThat(policy.required("POST", "/api/v1/write")).contains(Role.WRITE);
        assertThat(policy.required("POST", "/v1/metrics")).contains(Role.WRITE);
    }

    @Test
    void theReadApi_needsRead() {
        for (String path : new String[] {"/api/v1/fleet/summary", "/api/v1/model", "/api/v1/alerts", "/api/v1/silences", "/api/v1/system/events", "/api/v1/nothing"}) {
            assertThat(policy.required("GET", path)).as(path).contains(Role.READ);
        }
    }

    @Test
    void keysReloadSilencesAndAcks_needAdmin() {
        assertThat(policy.required("GET", "/api/v1/admin/keys")).contains(Role.ADMIN);
        assertThat(policy.required("DELETE", "/api/v1/admin/keys/{id}")).contains(Role.ADMIN);
        assertThat(policy.required("POST", "/api/v1/model/reload")).contains(Role.ADMIN);
        assertThat(policy.required("POST", "/api/v1/silences")).contains(Role.ADMIN);
        assertThat(policy.required("DELETE", "/api/v1/silences/{id}")).contains(Role.ADMIN);
        assertThat(policy.required("POST", "/api/v1/alerts/{id}/ack")).contains(Role.ADMIN);
        assertThat(policy.required("GET", "/api/v1/alerts/{id}")).isEqualTo(Optional.of(Role.READ));
    }
}
