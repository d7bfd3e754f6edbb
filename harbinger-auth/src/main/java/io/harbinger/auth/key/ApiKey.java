package io.harbinger.auth.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as its holder sees it: {@code hbk_<id>_<secret>}, a 48-bit public id (12 hex digits, what lists,
 * logs and the audit show) and a 256-bit secret (43 base64url characters). Only {@link #hash()} is stored: with a
 * secret this long a plain SHA-256 cannot be reversed by guessing, and it costs a microsecond per request,
 * where bcrypt's deliberate slowness, which protects short human passwords, would cost every ingest request
 * tens of milliseconds (docs/adr/0013-api-keys.md).
 *
 * @param id     12 lower-case hex digits
 * @param secret 43 base64url characters
 */
public record ApiKey(String id, String secret) {
    static final String PREFIX = "hbk_";
    private static final Pattern TOKEN = Pattern.compile("hbk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final int ID_BYTES = 6;
    private static final int SECRET_BYTES = 32;

    public ApiKey {
        if (id == null || secret == null || !TOKEN.matcher(PREFIX + id + "_" + secret).matches()) {
            throw new IllegalArgumentException("an API key is hbk_, 12 hex digits, _ and 43 base64url characters");
        }
    }

    /** A new key from {@code random}, which must be a cryptographically strong generator (a {@link java.security.SecureRandom}). */
    public static ApiKey generate(RandomGenerator random) {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new ApiKey(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key {@code token} spells, or empty when it is not the form of one. */
    public static Optional<ApiKey> parse(String token) {
        Matcher m = TOKEN.matcher(token);
        return m.matches() ? Optional.of(new ApiKey(m.group(1), m.group(2))) : Optional.empty();
    }

    /** What the holder sends: {@code hbk_<id>_<secret>}. */
    public String token() {
        return PREFIX + id + "_" + secret;
    }

    /** SHA-256 of the whole token: what the key store keeps. */
    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code storedHash} is this key's hash, compared in constant time (no timing tells how much of it matched). */
    public boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(hash(), storedHash);
    }

    /** Never the secret: a key in a log line or an exception shows only its id. */
    @Override
    public String toString() {
        return PREFIX + id + "_…";
    }
}
