package io.harbinger.api.server;

import io.harbinger.api.HttpApi;
import io.harbinger.core.config.InvalidSettingsException;
import io.harbinger.core.config.Settings;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TLS port with certificates made by the test: a keystore or a PEM pair, HTTP/2 and HTTP/1.1 by ALPN, no cleartext, bad material refused naming its setting. */
class TlsListenerIT {
    @TempDir
    static Path dir;
    private static Path rsaStore;
    private Javalin app;

    @BeforeAll
    static void makeACertificate() throws Exception {
        rsaStore = TestCertificates.keyStore(dir, "rsa.p12", "RSA", "PKCS12");
    }

    @AfterEach
    void stop() {
        if (app != null) app.stop();
    }

    @Test
    void keyStore_servesHttp2_andHttp11ToAClientThatAsksForIt() throws Exception {
        String base = serve(TlsIdentity.fromKeyStore(rsaStore, TestCertificates.PASSWORD));

        HttpResponse<String> h2 = get(client(rsaStore, HttpClient.Version.HTTP_2), base + "/ping");
        HttpResponse<String> h1 = get(client(rsaStore, HttpClient.Version.HTTP_1_1), base + "/ping");

        assertThat(h2.statusCode()).isEqualTo(200);
        assertThat(h2.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(h2.body()).isEqualTo("HTTP/2.0 https");
        assertThat(h1.statusCode()).isEqualTo(200);
        assertThat(h1.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(h1.body()).isEqualTo("HTTP/1.1 https");
    }

    @Test
    void jksKeyStore_withAnEcKey_servesHttps() throws Exception {
        Path jks = TestCertificates.keyStore(dir, "ec.jks", "EC", "JKS");
        String base = serve(TlsIdentity.fromKeyStore(jks, TestCertificates.PASSWORD));

        HttpResponse<String> r = get(client(jks, HttpClient.Version.HTTP_2), base + "/ping");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @ParameterizedTest(name = "{0} key, PKCS#8: {1}")
    @CsvSource({"RSA, true", "RSA, false", "EC, true", "EC, false"})
    void pemPair_inEachKeyForm_servesHttps(String algorithm, boolean pkcs8) throws Exception {
        Path store = algorithm.equals("RSA") ? rsaStore : TestCertificates.keyStore(dir, "ec-" + pkcs8 + ".p12", "EC", "PKCS12");
        Path cert = TestCertificates.certificatePem(store, dir.resolve(algorithm + pkcs8 + ".crt"));
        Path key = TestCertificates.keyPem(store, dir.resolve(algorithm + pkcs8 + ".key"), pkcs8);
        assertThat(Files.readString(key)).startsWith(pkcs8 ? "-----BEGIN PRIVATE KEY-----" : "-----BEGIN " + algorithm + " PRIVATE KEY-----");
        String base = serve(TlsIdentity.fromPem(cert, key));

        HttpResponse<String> r = get(client(store, HttpClient.Version.HTTP_2), base + "/ping");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @Test
    void cleartextRequest_toTheTlsPort_fails() throws Exception {
        String base = serve(TlsIdentity.fromKeyStore(rsaStore, TestCertificates.PASSWORD));
        String cleartext = base.replace("https://", "http://");

        assertThatThrownBy(() -> get(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), cleartext + "/ping"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void connectionThatNeverFinishesItsHandshake_isClosedByTheHeaderDeadline() throws Exception {
        TlsIdentity identity = TlsIdentity.fromKeyStore(rsaStore, TestCertificates.PASSWORD);
        String base = serve(new ServerConfig(Optional.of(identity), Duration.ofSeconds(30), Duration.ofSeconds(1), 8192, 100, 1024));
        try (Socket silent = new Socket("127.0.0.1", URI.create(base).getPort())) {
            silent.getOutputStream().write(new byte[]{0x16, 0x03, 0x01}); // the start of a ClientHello, and no more

            assertThat(SlowClientsIT.readUntilClosed(silent)).isEmpty();
        }
    }

    @Test
    void clientThatDoesNotTrustTheCertificate_isRefusedTheHandshake() throws Exception {
        String base = serve(TlsIdentity.fromKeyStore(rsaStore, TestCertificates.PASSWORD));

        assertThatThrownBy(() -> get(HttpClient.newHttpClient(), base + "/ping")).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    @Test
    void wrongKeyStorePassword_isRefusedNamingTheSettingAndTheVariable() {
        assertThatThrownBy(() -> TlsIdentity.fromKeyStore(rsaStore, "not-it"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--tls-keystore " + rsaStore + ": wrong password (from HARBINGER_TLS_KEYSTORE_PASSWORD)");
    }

    @Test
    void keyOfAnotherCertificate_isRefusedNamingTheKeySetting() throws Exception {
        Path other = TestCertificates.keyStore(dir, "other.p12", "RSA", "PKCS12");
        Path cert = TestCertificates.certificatePem(rsaStore, dir.resolve("mine.crt"));
        Path key = TestCertificates.keyPem(other, dir.resolve("other.key"), true);

        assertThatThrownBy(() -> TlsIdentity.fromPem(cert, key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--tls-key " + key + " is not the key of the certificate in --tls-cert " + cert);
    }

    @Test
    void missingOrWrongFiles_areRefusedNamingTheirSetting() throws Exception {
        Path cert = TestCertificates.certificatePem(rsaStore, dir.resolve("alone.crt"));
        Path missing = dir.resolve("missing.key");

        assertThatThrownBy(() -> TlsIdentity.fromPem(cert, missing)).hasMessage("--tls-key " + missing + ": no such file");
        assertThatThrownBy(() -> TlsIdentity.fromPem(cert, cert)).hasMessageStartingWith("--tls-key " + cert + ": it holds no PEM private key");
        assertThatThrownBy(() -> TlsIdentity.fromKeyStore(cert, TestCertificates.PASSWORD)).hasMessageStartingWith("--tls-keystore " + cert);
        Path encrypted = Files.writeString(dir.resolve("encrypted.key"), TestCertificates.pem("ENCRYPTED PRIVATE KEY", new byte[]{1, 2, 3}));
        assertThatThrownBy(() -> TlsIdentity.fromPem(cert, encrypted)).hasMessageContaining("encrypted key");
    }

    @Test
    void certificateWithoutKey_orBothSources_areRefusedWhenTheSettingsAreRead() {
        assertThatThrownBy(() -> Settings.read(ServerConfig.SETTINGS, Map.of("tls-cert", "server.crt"), Map.of()))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("--tls-cert needs --tls-key too");
        assertThatThrownBy(() -> Settings.read(ServerConfig.SETTINGS, Map.of("tls-keystore", "s.p12", "tls-cert", "c", "tls-key", "k"), Map.of()))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("give either --tls-keystore or --tls-cert with --tls-key, not both");
    }

    @Test
    void keyStoreSetting_isLoadedWithThePasswordGiven() {
        Settings settings = Settings.read(ServerConfig.SETTINGS, Map.of("tls-keystore", rsaStore.toString()), Map.of());

        ServerConfig config = ServerConfig.from(settings, TestCertificates.PASSWORD);

        assertThat(config.scheme()).isEqualTo("https");
        assertThat(config.tls().orElseThrow().subject()).isEqualTo("CN=localhost");
    }

    /** A bare server with the listener of {@code identity}; its base URL. */
    private String serve(TlsIdentity identity) {
        return serve(ServerConfig.DEFAULTS.withTls(identity));
    }

    private String serve(ServerConfig config) {
        app = HttpApi.server(false, javalin -> HttpListener.configure(javalin, "127.0.0.1", 0, config));
        app.get("/ping", ctx -> ctx.result(ctx.req().getProtocol() + " " + ctx.scheme()));
        app.start();
        return "https://127.0.0.1:" + app.port();
    }

    private static HttpClient client(Path trusted, HttpClient.Version version) throws Exception {
        SSLContext context = TestCertificates.trusting(trusted);
        return HttpClient.newBuilder().sslContext(context).version(version).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
