package io.harbinger.auth.key;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {
    private static final ApiKey KEY = ApiKey.generate(new SecureRandom());

    private static Presented header(String value) {
        return Credentials.read(Optional.of(value), Optional.empty());
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bearer_token_basicPassword_andQueryP_allGiveTheKey() {
        assertThat(header("Bearer " + KEY.token())).isEqualTo(new Presented.Key(KEY, "Authorization Bearer"));
        assertThat(header("bearer  " + KEY.token() + " ")).isEqualTo(new Presented.Key(KEY, "Authorization Bearer"));
        assertThat(header("Token " + KEY.token())).isEqualTo(new Presented.Key(KEY, "Authorization Token"));
        assertThat(header(basic("telegraf:" + KEY.token()))).isEqualTo(new Presented.Key(KEY, "Authorization Basic password"));
        assertThat(header(basic(":" + KEY.token()))).isEqualTo(new Presented.Key(KEY, "Authorization Basic password"));
        assertThat(Credentials.read(Optional.empty(), Optional.of(KEY.token()))).isEqualTo(new Presented.Key(KEY, "query parameter p"));
    }

    @Test
    void theHeader_winsOverTheQueryParameter() {
        assertThat(Credentials.read(Optional.of("Bearer nope"), Optional.of(KEY.token()))).isInstanceOf(Presented.Malformed.class);
    }

    @Test
    void nothing_isAbsent() {
        assertThat(Credentials.read(Optional.empty(), Optional.empty())).isEqualTo(new Presented.Absent());
    }

    @Test
    void malformedForms_sayWhatIsWrong_withoutTheValue() {
        assertThat(header("hbk_secret")).isEqualTo(new Presented.Malformed("Authorization header has no scheme: expected Bearer, Token or Basic followed by the key"));
        assertThat(header("Digest abc")).isEqualTo(new Presented.Malformed("Authorization scheme 'Digest' is not one of Bearer, Token, Basic"));
        assertThat(header("Bearer ")).isEqualTo(new Presented.Malformed("Authorization header has no scheme: expected Bearer, Token or Basic followed by the key"));
        assertThat(header("Bearer  x")).isEqualTo(new Presented.Malformed("Authorization Bearer is not a Harbinger key (hbk_<12 hex digits>_<43 characters>)"));
        assertThat(header("Basic !!!")).isEqualTo(new Presented.Malformed("Authorization Basic is not base64"));
        assertThat(header(basic("no-colon"))).isEqualTo(new Presented.Malformed("Authorization Basic holds no user:password pair"));
        assertThat(header(basic("u:"))).isEqualTo(new Presented.Malformed("Authorization Basic password is empty"));
        assertThat(Credentials.read(Optional.empty(), Optional.of("hunter2"))).isEqualTo(
                new Presented.Malformed("query parameter p is not a Harbinger key (hbk_<12 hex digits>_<43 characters>)"));
        assertThat(header("Token " + KEY.token() + "x")).isInstanceOf(Presented.Malformed.class);
    }
}
