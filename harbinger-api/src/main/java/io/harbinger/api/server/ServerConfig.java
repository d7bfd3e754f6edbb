package io.harbinger.api.server;

import io.harbinger.core.config.Rule;
import io.harbinger.core.config.Setting;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.SettingType;
import io.harbinger.core.config.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static io.harbinger.core.config.SettingType.DURATION;
import static io.harbinger.core.config.SettingType.INTEGER;
import static io.harbinger.core.config.SettingType.LONG;

/**
 * How a node's HTTP port listens ({@link HttpListener}): cleartext, or TLS with a certificate, and the
 * limits that keep clients which are slow, greedy or hostile from holding it — each connection must
 * send its request header within {@code headerTimeout} and within {@code maxHeaderBytes}, may be
 * silent at most {@code idleTimeout}, and must send a body at least {@code minRequestBytesPerSecond}
 * on average; beyond {@code maxConnections} the port stops accepting until some close.
 *
 * @param tls                      the certificate to present; empty for cleartext HTTP
 * @param idleTimeout              a connection silent this long is closed (also a blocking read that long)
 * @param headerTimeout            a request header not complete this long after it began (or after the connection opened, or a TLS
 *                                 handshake not done) closes the connection: a header dribbled byte by byte resets no idle timeout here
 * @param maxHeaderBytes           request line and headers; larger gets 431
 * @param maxConnections           open connections at most; more wait in the kernel's accept queue
 * @param minRequestBytesPerSecond a body arriving slower on average is cut off with 408; 0 = no minimum
 */
public record ServerConfig(Optional<TlsIdentity> tls, Duration idleTimeout, Duration headerTimeout, int maxHeaderBytes, int maxConnections,
                           long minRequestBytesPerSecond) {
    private static final SettingType<Optional<Path>> OPTIONAL_PATH = SettingType.optional(SettingType.of("PATH", "a file path", Path::of));
    /** The keystore's password: from the environment only, never the command line (where ps would show it). */
    public static final String KEYSTORE_PASSWORD_ENV = "HARBINGER_TLS_KEYSTORE_PASSWORD";

    public static final Setting<Optional<Path>> TLS_KEYSTORE = Setting.of("tls-keystore", OPTIONAL_PATH, Optional.<Path>empty())
            .env("HARBINGER_TLS_KEYSTORE")
            .description("PKCS12 or JKS keystore with the server's certificate and key: the port serves HTTPS only (HTTP/1.1 and HTTP/2). "
                    + "Password from " + KEYSTORE_PASSWORD_ENV + ".");
    public static final Setting<Optional<Path>> TLS_CERT = Setting.of("tls-cert", OPTIONAL_PATH, Optional.<Path>empty())
            .env("HARBINGER_TLS_CERT").description("PEM certificate chain (the server's first), with --tls-key: the port serves HTTPS only.");
    public static final Setting<Optional<Path>> TLS_KEY = Setting.of("tls-key", OPTIONAL_PATH, Optional.<Path>empty())
            .env("HARBINGER_TLS_KEY").description("PEM private key of --tls-cert, unencrypted (PKCS#8, PKCS#1 RSA or SEC1 EC).");
    public static final Setting<Duration> IDLE_TIMEOUT = Setting.of("idle-timeout", DURATION, Duration.ofSeconds(30))
            .must(Rule.atLeast(Duration.ofSeconds(1))).env("HARBINGER_IDLE_TIMEOUT")
            .description("A connection (or a blocking read) silent this long is closed.");
    public static final Setting<Duration> HEADER_TIMEOUT = Setting.of("header-timeout", DURATION, Duration.ofSeconds(10))
            .must(Rule.atLeast(Duration.ofMillis(100))).env("HARBINGER_HEADER_TIMEOUT")
            .description("A request header (or TLS handshake) not complete this long after it began closes the connection.");
    public static final Setting<Integer> MAX_HEADER_BYTES = Setting.of("max-header-bytes", INTEGER, 8192)
            .must(Rule.between(1024, 1 << 20)).env("HARBINGER_MAX_HEADER_BYTES")
            .description("Largest request line and headers; larger gets 431.");
    public static final Setting<Integer> MAX_CONNECTIONS = Setting.of("max-connections", INTEGER, 10_000)
            .must(Rule.atLeast(1)).env("HARBINGER_MAX_CONNECTIONS")
            .description("Open connections at most; beyond it the port accepts no more until some close.");
    public static final Setting<Long> MIN_REQUEST_RATE = Setting.of("min-request-rate", LONG, 1024L)
            .must(Rule.atLeast(0L)).env("HARBINGER_MIN_REQUEST_RATE")
            .description("Bytes per second a request body must arrive at on average, or 408; 0 = no minimum.");

    public static final SettingSet SETTINGS = SettingSet.of(TLS_KEYSTORE, TLS_CERT, TLS_KEY, IDLE_TIMEOUT, HEADER_TIMEOUT, MAX_HEADER_BYTES,
                    MAX_CONNECTIONS, MIN_REQUEST_RATE)
            .check(ServerConfig::pemNeedsBoth).check(ServerConfig::oneCertificateSource);

    /** Cleartext with the default limits (tests and tools that start a bare server). */
    public static final ServerConfig DEFAULTS = new ServerConfig(Optional.empty(), IDLE_TIMEOUT.defaultValue(), HEADER_TIMEOUT.defaultValue(),
            MAX_HEADER_BYTES.defaultValue(), MAX_CONNECTIONS.defaultValue(), MIN_REQUEST_RATE.defaultValue());

    public ServerConfig {
        if (tls == null) throw new IllegalArgumentException("tls must be non-null (empty for cleartext)");
        IDLE_TIMEOUT.require(idleTimeout);
        HEADER_TIMEOUT.require(headerTimeout);
        MAX_HEADER_BYTES.require(maxHeaderBytes);
        MAX_CONNECTIONS.require(maxConnections);
        MIN_REQUEST_RATE.require(minRequestBytesPerSecond);
    }

    /**
     * The listener of {@code settings} (which must declare {@link #SETTINGS}), its certificate loaded and checked.
     *
     * @param keystorePassword from {@link #KEYSTORE_PASSWORD_ENV}; empty for none
     * @throws IllegalArgumentException naming the setting whose file is missing, unreadable or does not hold a matching key and certificate
     */
    public static ServerConfig from(Settings settings, String keystorePassword) {
        Optional<TlsIdentity> tls = settings.get(TLS_KEYSTORE).map(file -> TlsIdentity.fromKeyStore(file, keystorePassword))
                .or(() -> settings.get(TLS_CERT).map(cert -> TlsIdentity.fromPem(cert, settings.get(TLS_KEY).orElseThrow())));
        return new ServerConfig(tls, settings.get(IDLE_TIMEOUT), settings.get(HEADER_TIMEOUT), settings.get(MAX_HEADER_BYTES),
                settings.get(MAX_CONNECTIONS), settings.get(MIN_REQUEST_RATE));
    }

    /** {@code https} with a certificate, else {@code http}. */
    public String scheme() {
        return tls.isPresent() ? "https" : "http";
    }

    /** These limits, serving TLS with {@code identity}. */
    public ServerConfig withTls(TlsIdentity identity) {
        return new ServerConfig(Optional.of(identity), idleTimeout, headerTimeout, maxHeaderBytes, maxConnections, minRequestBytesPerSecond);
    }

    private static Optional<String> pemNeedsBoth(Settings s) {
        boolean cert = s.get(TLS_CERT).isPresent();
        boolean key = s.get(TLS_KEY).isPresent();
        return cert == key ? Optional.empty()
                : Optional.of((cert ? TLS_CERT : TLS_KEY).flag() + " needs " + (cert ? TLS_KEY : TLS_CERT).flag() + " too: give the PEM certificate and its key together");
    }

    private static Optional<String> oneCertificateSource(Settings s) {
        return s.get(TLS_KEYSTORE).isPresent() && (s.get(TLS_CERT).isPresent() || s.get(TLS_KEY).isPresent())
                ? Optional.of("give either " + TLS_KEYSTORE.flag() + " or " + TLS_CERT.flag() + " with " + TLS_KEY.flag() + ", not both")
                : Optional.empty();
    }
}
