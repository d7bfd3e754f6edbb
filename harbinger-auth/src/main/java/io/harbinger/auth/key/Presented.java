package io.harbinger.auth.key;

/** What credentials a request carries ({@link Credentials#read}). */
public sealed interface Presented {
    /** No credentials at all. */
    record Absent() implements Presented {
    }

    /** Something that was meant as credentials but cannot be read; {@code reason} says what is wrong, never the value. */
    record Malformed(String reason) implements Presented {
    }

    /** A token in the form of a key ({@code hbk_...}); whether it is one the store knows is the authenticator's to say. */
    record Key(ApiKey key, String form) implements Presented {
    }
}
