package io.harbinger.auth.key;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aGeneratedKey_readsBack_fromItsToken() {
        ApiKey key = ApiKey.generate(RANDOM);

        assertThat(key.token()).matches("hbk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(ApiKey.parse(key.token())).contains(key);
    }

    @Test
    void keys_areDifferentEachTime() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) tokens.add(ApiKey.generate(RANDOM).token());
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void theHash_matchesOnlyItsOwnKey() {
        ApiKey key = ApiKey.generate(RANDOM);
        ApiKey other = ApiKey.generate(RANDOM);

        assertThat(key.hash()).hasSize(32);
        assertThat(key.matches(key.hash())).isTrue();
        assertThat(key.matches(other.hash())).isFalse();
        assertThat(new ApiKey(key.id(), other.secret()).matches(key.hash())).as("the id alone is not enough").isFalse();
    }

    @Test
    void toString_neverShowsTheSecret() {
        ApiKey key = ApiKey.generate(RANDOM);
        assertThat(key.toString()).isEqualTo("hbk_" + key.id() + "_…").doesNotContain(key.secret());
    }

    @Test
    void textNotInTheForm_isNoKey() {
        assertThat(ApiKey.parse("hbk_0123456789ab_short")).isEmpty();
        assertThat(ApiKey.parse("hbk_0123456789AB_" + "a".repeat(43))).isEmpty();
        assertThat(ApiKey.parse("xyz_0123456789ab_" + "a".repeat(43))).isEmpty();
        assertThatThrownBy(() -> new ApiKey("nothex", "a".repeat(43))).isInstanceOf(IllegalArgumentException.class);
    }
}
