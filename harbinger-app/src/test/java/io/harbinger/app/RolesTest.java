package io.harbinger.app;

import io.harbinger.app.Roles.Role;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolesTest {
    @Test
    void all_isEveryRole_andListsReadInAnyCaseAndOrder() {
        assertThat(Roles.parse("all")).isEqualTo(Roles.ALL);
        assertThat(Roles.parse(" ALL ").all()).isTrue();
        assertThat(Roles.parse("api, Ingest")).isEqualTo(new Roles(Set.of(Role.INGEST, Role.API)));
        assertThat(Roles.parse("ingest,process,api,alert")).isEqualTo(Roles.ALL);
    }

    @Test
    void written_inTheDeclaredOrder_orAsAll() {
        assertThat(Roles.parse("alert,ingest")).hasToString("ingest,alert");
        assertThat(Roles.parse("alert,api,process,ingest")).hasToString("all");
        assertThat(Roles.TYPE.format(Roles.parse("process"))).isEqualTo("process");
    }

    @Test
    void onlyIngest_needsNoStorage() {
        assertThat(Roles.parse("ingest").needsStorage()).isFalse();
        for (String role : new String[]{"process", "api", "alert", "ingest,alert"}) assertThat(Roles.parse(role).needsStorage()).as(role).isTrue();
    }

    @Test
    void anUnknownOrEmptyRole_isRefused() {
        assertThatThrownBy(() -> Roles.parse("reader")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Roles.parse("ingest,")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Roles(Set.of())).hasMessage("a node runs at least one role");
    }
}
