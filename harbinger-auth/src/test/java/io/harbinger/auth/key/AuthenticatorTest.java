package io.harbinger.auth.key;

import io.harbinger.schema.auth.Principal;
import io.harbinger.schema.auth.Role;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticatorTest {
    private static final Principal ADMIN = Keys.cli("test", "acme");
    private final InMemoryKeyStore store = new InMemoryKeyStore();
    private final Keys keys = new Keys(store, new InMemoryAuditLog(), new SecureRandom(), Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    private final AtomicLong nanos = new AtomicLong();
    private final Authenticator authenticator = new Authenticator(store, Duration.ofSeconds(5), nanos::get);

    private Verdict verify(ApiKey key) {
        return authenticator.verify(new Presented.Key(key, "Authorization Bearer"));
    }

    @Test
    void aKnownKey_isItsPrincipal() {
        Keys.Issued issued = keys.create(ADMIN, "acme", Set.of(Role.WRITE));

        assertThat(verify(issued.key())).isEqualTo(new Verdict.Authenticated(new Principal(issued.key().id(), "acme", Set.of(Role.WRITE))));
    }

    @Test
    void theStore_isAskedOncePerTtl_notPerRequest() {
        Keys.Issued issued = keys.create(ADMIN, "acme", Set.of(Role.READ));
        for (int i = 0; i < 100; i++) verify(issued.key());
        assertThat(store.finds).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        verify(issued.key());
        assertThat(store.finds).hasValue(2);
    }

    @Test
    void aRevokedKey_isRefused_withinTheTtl() {
        Keys.Issued issued = keys.create(ADMIN, "acme", Set.of(Role.READ));
        verify(issued.key());
        keys.revoke(ADMIN, issued.key().id());

        assertThat(verify(issued.key())).as("still cached").isInstanceOf(Verdict.Authenticated.class);
        nanos.addAndGet(Duration.ofSeconds(5).toNanos() + 1);
        assertThat(verify(issued.key())).isEqualTo(new Verdict.Refused(Verdict.Reason.REVOKED,
                "key " + issued.key().id() + " was revoked at 2026-12-01T00:00:00Z"));
    }

    @Test
    void forget_appliesARevocationAtOnce() {
        Keys.Issued issued = keys.create(ADMIN, "acme", Set.of(Role.READ));
        verify(issued.key());
        keys.revoke(ADMIN, issued.key().id());
        authenticator.forget(issued.key().id());

        assertThat(verify(issued.key())).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void anUnknownId_andAWrongSecret_areBothUnknown() {
        Keys.Issued issued = keys.create(ADMIN, "acme", Set.of(Role.READ));
        ApiKey stranger = ApiKey.generate(new SecureRandom());
        ApiKey forged = new ApiKey(issued.key().id(), stranger.secret());

        assertThat(verify(stranger)).isEqualTo(new Verdict.Refused(Verdict.Reason.UNKNOWN, "key " + stranger.id() + " is not a key of this deployment"));
        assertThat(verify(forged)).isEqualTo(new Verdict.Refused(Verdict.Reason.UNKNOWN, "key " + issued.key().id() + " is not a key of this deployment"));
    }

    @Test
    void absentAndMalformed_areRefusedWithoutAskingTheStore() {
        assertThat(authenticator.verify(new Presented.Absent())).extracting(v -> ((Verdict.Refused) v).reason()).isEqualTo(Verdict.Reason.MISSING);
        assertThat(authenticator.verify(new Presented.Malformed("bad"))).isEqualTo(new Verdict.Refused(Verdict.Reason.MALFORMED, "bad"));
        assertThat(store.finds).hasValue(0);
    }

    @Test
    void theStore_keepsOnlyTheHash() {
        Keys.Issued issued = keys.create(ADMIN, "acme", Set.of(Role.ADMIN));

        assertThat(store.find(issued.key().id()).orElseThrow().hash()).isEqualTo(issued.key().hash());
        assertThat(store.find(issued.key().id()).orElseThrow().toString()).doesNotContain(issued.key().secret());
    }
}
