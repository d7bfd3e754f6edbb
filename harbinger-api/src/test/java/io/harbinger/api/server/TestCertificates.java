package io.harbinger.api.server;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made at test time with the JDK's keytool (for 127.0.0.1 and localhost),
 * and the same key written as the PEM files other tools make: PKCS#8, PKCS#1 RSA, SEC1 EC.
 */
final class TestCertificates {
    static final String PASSWORD = "test-secret";

    private TestCertificates() {
    }

    /** A PKCS12 (or JKS) keystore with one {@code RSA} or {@code EC} key and its self-signed certificate. */
    static Path keyStore(Path dir, String name, String algorithm, String storeType) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", algorithm, "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", storeType, "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) throw new IllegalStateException("keytool failed: " + output);
        return file;
    }

    static KeyStore load(Path keyStore) throws IOException, GeneralSecurityException {
        return KeyStore.getInstance(keyStore.toFile(), PASSWORD.toCharArray());
    }

    static X509Certificate certificate(Path keyStore) throws IOException, GeneralSecurityException {
        return (X509Certificate) load(keyStore).getCertificate("server");
    }

    static PrivateKey key(Path keyStore) throws IOException, GeneralSecurityException {
        return (PrivateKey) load(keyStore).getKey("server", PASSWORD.toCharArray());
    }

    /** The keystore's certificate as a PEM file. */
    static Path certificatePem(Path keyStore, Path file) throws IOException, GeneralSecurityException {
        return write(file, pem("CERTIFICATE", certificate(keyStore).getEncoded()));
    }

    /** The keystore's key as PEM: {@code PRIVATE KEY} (PKCS#8) or the algorithm's own form ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}). */
    static Path keyPem(Path keyStore, Path file, boolean pkcs8) throws IOException, GeneralSecurityException {
        PrivateKey key = key(keyStore);
        if (pkcs8) return write(file, pem("PRIVATE KEY", key.getEncoded()));
        List<byte[]> fields = Pem.Der.fields(key.getEncoded()); // version, algorithm, OCTET STRING holding the key in its own form
        byte[] own = Pem.Der.content(fields.get(2));
        if (key.getAlgorithm().equals("EC")) own = withCurve(own, Pem.Der.fields(fields.get(1)).get(1));
        return write(file, pem(key.getAlgorithm() + " PRIVATE KEY", own));
    }

    /** SEC1 as openssl writes it: the JDK's, inside PKCS#8, leaves out the curve ({@code [0]}) that PKCS#8's algorithm names. */
    private static byte[] withCurve(byte[] sec1, byte[] curve) {
        List<byte[]> fields = new java.util.ArrayList<>(Pem.Der.fields(sec1));
        fields.add(2, Pem.Der.tlv(0xa0, curve));
        return Pem.Der.sequence(fields.toArray(byte[][]::new));
    }

    /** A client context trusting exactly this keystore's certificate. */
    static SSLContext trusting(Path keyStore) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate(keyStore));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
