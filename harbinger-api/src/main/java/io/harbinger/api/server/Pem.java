package io.harbinger.api.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text as certificate tools write it: certificate chains, and an unencrypted private key as
 * PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) or SEC1 EC
 * ({@code BEGIN EC PRIVATE KEY}), the three that openssl and cert-manager write. The JDK reads only
 * PKCS#8, so the other two are wrapped into it here (a few bytes of DER around the key).
 */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private Pem() {
    }

    /** Every certificate in {@code text}, in order (the server's first, then its issuers). */
    static List<X509Certificate> certificates(byte[] text) throws CertificateException {
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(text)).stream()
                .map(X509Certificate.class::cast).toList();
    }

    /**
     * The first private key in {@code text}.
     *
     * @throws IllegalArgumentException saying what the text holds instead, or which key form is not supported
     */
    static PrivateKey privateKey(String text) {
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            String type = block.group(1);
            if (!type.endsWith("PRIVATE KEY")) continue;
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(block.group(2).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("its " + type + " block is not base64");
            }
            return switch (type) {
                case "PRIVATE KEY" -> pkcs8(der);
                case "RSA PRIVATE KEY" -> pkcs8(wrapRsa(der));
                case "EC PRIVATE KEY" -> pkcs8(wrapEc(der));
                case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(
                        "it holds an encrypted key; give it unencrypted (openssl pkcs8 -topk8 -nocrypt) and protect the file instead");
                default -> throw new IllegalArgumentException("its " + type + " block is not a supported key form (PKCS#8, PKCS#1 RSA or SEC1 EC)");
            };
        }
        throw new IllegalArgumentException("it holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    /** A PKCS#8 key of whichever algorithm reads it. */
    private static PrivateKey pkcs8(byte[] der) {
        for (String algorithm : List.of("RSA", "EC", "EdDSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // the next algorithm
            }
        }
        throw new IllegalArgumentException("its key is not an RSA, EC or EdDSA key the JDK can read");
    }

    /** PKCS#8 around a PKCS#1 RSAPrivateKey: version 0, the rsaEncryption algorithm, the key. */
    static byte[] wrapRsa(byte[] pkcs1) {
        return Der.sequence(VERSION_0, RSA_ALGORITHM, Der.tlv(0x04, pkcs1));
    }

    /** PKCS#8 around a SEC1 ECPrivateKey, whose curve (its {@code [0]} parameters) PKCS#8 names in the algorithm. */
    static byte[] wrapEc(byte[] sec1) {
        byte[] curve = Der.contextField(sec1, 0)
                .orElseThrow(() -> new IllegalArgumentException("its EC PRIVATE KEY does not name its curve"));
        return Der.sequence(VERSION_0, Der.sequence(EC_PUBLIC_KEY, curve), Der.tlv(0x04, sec1));
    }

    /** Just enough DER to wrap a key: writing a tag-length-value, and finding a context-tagged field of a sequence. */
    static final class Der {
        private Der() {
        }

        static byte[] sequence(byte[]... fields) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (byte[] f : fields) content.writeBytes(f);
            return tlv(0x30, content.toByteArray());
        }

        static byte[] tlv(int tag, byte[] value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            int n = value.length;
            if (n < 0x80) {
                out.write(n);
            } else {
                int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
                out.write(0x80 | bytes);
                for (int i = bytes - 1; i >= 0; i--) out.write(n >>> (8 * i));
            }
            out.writeBytes(value);
            return out.toByteArray();
        }

        /** The content of field {@code [number]} of the DER sequence {@code der}, if it has one. */
        static Optional<byte[]> contextField(byte[] der, int number) {
            return fields(der).stream().filter(f -> (f[0] & 0xff) == (0xa0 | number)).findFirst()
                    .map(Der::content);
        }

        /** The fields of the DER sequence {@code der}, each whole (tag, length and content). */
        static List<byte[]> fields(byte[] der) {
            try {
                int[] outer = header(der, 0);
                int at = outer[0];
                int end = at + outer[1];
                List<byte[]> fields = new ArrayList<>();
                while (at < end) {
                    int[] field = header(der, at);
                    fields.add(Arrays.copyOfRange(der, at, field[0] + field[1]));
                    at = field[0] + field[1];
                }
                return fields;
            } catch (ArrayIndexOutOfBoundsException truncated) {
                throw new IllegalArgumentException("its key is truncated DER");
            }
        }

        /** The content of a whole field (as {@link #fields} gives it). */
        static byte[] content(byte[] field) {
            return Arrays.copyOfRange(field, header(field, 0)[0], field.length);
        }

        /** {content offset, content length} of the field whose tag is at {@code at}. */
        private static int[] header(byte[] der, int at) {
            int first = der[at + 1] & 0xff;
            if (first < 0x80) return new int[]{at + 2, first};
            int bytes = first & 0x7f;
            if (bytes > 3) throw new IllegalArgumentException("its key is not DER");
            int length = 0;
            for (int i = 0; i < bytes; i++) length = (length << 8) | (der[at + 2 + i] & 0xff);
            return new int[]{at + 2 + bytes, length};
        }
    }
}
