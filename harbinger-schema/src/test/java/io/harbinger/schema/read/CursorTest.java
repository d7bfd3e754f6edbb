package io.harbinger.schema.read;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class CursorTest {
    private static final Cursor.AtRisk RISK = new Cursor.AtRisk(0.8312345, "eu-1", "h-001", "ZJV0 ÄÖ/1");
    private static final Cursor.Host HOST = new Cursor.Host("eu-1", "h-001");

    @Test
    void encode_decode_roundTripsEachKindExactly() {
        assertThat(Cursor.decode(RISK.encode(), Cursor.AtRisk.class)).contains(RISK);
        assertThat(Cursor.decode(HOST.encode(), Cursor.Host.class)).contains(HOST);
        assertThat(RISK.encode()).matches("[A-Za-z0-9_-]+"); // safe in a query string as it is
    }

    @Test
    void aCursorOfAnotherList_isRefused() {
        assertThat(Cursor.decode(HOST.encode(), Cursor.AtRisk.class)).isEmpty();
        assertThat(Cursor.decode(RISK.encode(), Cursor.Host.class)).isEmpty();
    }

    @Test
    void garbledCutOrEditedText_isRefused() {
        String good = RISK.encode();
        assertThat(Cursor.decode("not a cursor!", Cursor.AtRisk.class)).isEmpty();
        assertThat(Cursor.decode("", Cursor.AtRisk.class)).isEmpty();
        assertThat(Cursor.decode(good.substring(0, good.length() - 3), Cursor.AtRisk.class)).isEmpty();
        byte[] bytes = Base64.getUrlDecoder().decode(good);
        for (int i = 0; i < bytes.length; i++) {
            byte[] edited = bytes.clone();
            edited[i] ^= 0x04;
            assertThat(Cursor.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(edited), Cursor.AtRisk.class))
                    .as("byte %d flipped", i).isEmpty();
        }
    }
}
