package io.harbinger.alert.rule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** A stable hash of a label set: the first 64 bits of SHA-256 over the labels sorted by name, in hex. */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(Map<String, String> labels) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        new TreeMap<>(labels).forEach((name, value) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0xff); // a byte no UTF-8 text holds: ("a","bc") and ("ab","c") differ
            sha.update(value.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0xff);
        });
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }
}
