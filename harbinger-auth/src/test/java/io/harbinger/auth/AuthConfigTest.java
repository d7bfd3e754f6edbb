package io.harbinger.auth;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AuthConfigTest {
    @Test
    void withoutAuth_onlyALoopbackBind_mayStart() {
        for (String loopback : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "::1"}) {
            assertThat(AuthConfig.problem("--bind", loopback, Optional.empty())).as(loopback).isEmpty();
        }
        assertThat(AuthConfig.problem("--bind", "0.0.0.0", Optional.empty())).contains(
                "--bind 0.0.0.0 needs --auth keys (or --auth open to run without keys on purpose: anyone who can reach the port can write and read)");
        assertThat(AuthConfig.problem("--bind", "harbinger.example", Optional.empty())).isPresent();
        assertThat(AuthConfig.problem("--bind", "10.0.0.5", Optional.empty())).isPresent();
    }

    @Test
    void anExplicitChoice_mayBindAnywhere() {
        assertThat(AuthConfig.problem("--bind", "0.0.0.0", Optional.of(AuthConfig.Mode.KEYS))).isEmpty();
        assertThat(AuthConfig.problem("--bind", "0.0.0.0", Optional.of(AuthConfig.Mode.OPEN))).isEmpty();
    }
}
