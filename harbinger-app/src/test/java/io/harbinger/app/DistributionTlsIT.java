package io.harbinger.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packaged distribution serving HTTPS from a PEM pair the test makes ({@code harbinger serve --tls-cert --tls-key}):
 * HTTP/2 chosen by ALPN with the jars of {@code lib/} alone (a missing ALPN jar would show only here), ingest and
 * reads over it, and no cleartext on the port.
 */
class DistributionTlsIT {
    private static final String PASSWORD = "dist-secret";

    @TempDir
    static Path dir;
    private static HarbingerProcess node;
    private static SSLContext trust;

    @BeforeAll
    static void startThePackagedNodeWithTls() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).as(output).isTrue();
        KeyStore keys = KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray());
        Certificate cert = keys.getCertificate("server");
        Path certFile = Files.writeString(dir.resolve("server.crt"), pem("CERTIFICATE", cert.getEncoded()));
        Path keyFile = Files.writeString(dir.resolve("server.key"), pem("PRIVATE KEY", ((PrivateKey) keys.getKey("server", PASSWORD.toCharArray())).getEncoded()));
        trust = trusting(keys);
        node = HarbingerProcess.start(dir.resolve("data"), List.of("-Xmx512m"), "--tls-cert", certFile.toString(), "--tls-key", keyFile.toString());
    }

    @AfterAll
    static void stopTheNode_itLoadedEveryClassItNeeded() throws Exception {
        if (node == null) return;
        node.terminate();
        assertThat(node.missingClassLines()).as("the node's log lines about a class missing from lib/").isEmpty();
    }

    @Test
    void readsAndIngest_overHttp2_andHttp11() throws Exception {
        String base = "https://127.0.0.1:" + node.port();
        HttpClient h2 = HttpClient.newBuilder().sslContext(trust).version(HttpClient.Version.HTTP_2).build();
        HttpClient h1 = HttpClient.newBuilder().sslContext(trust).version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> health = h2.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> write = h2.send(HttpRequest.newBuilder(URI.create(base + "/write")).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("cpu,region=tls,host=h2 usage_idle=97.5\n")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ready = h1.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(write.statusCode()).as(write.body()).isEqualTo(204);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(node.output()).contains("listening on https://");
    }

    @Test
    void cleartext_toTheTlsPort_fails() {
        assertThatThrownBy(() -> Http.get("http://127.0.0.1:" + node.port() + "/health")).isInstanceOf(java.io.IOException.class);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static SSLContext trusting(KeyStore keys) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
