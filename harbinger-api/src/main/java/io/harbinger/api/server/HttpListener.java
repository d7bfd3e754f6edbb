package io.harbinger.api.server;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The one port a node's Javalin server listens on, made from a {@link ServerConfig}: cleartext
 * HTTP/1.1, or TLS only, where ALPN picks HTTP/2 or HTTP/1.1 (a cleartext request to it fails the
 * handshake). Both carry the limits against slow and greedy clients: idle timeout, header size (431),
 * header deadline ({@link HeaderDeadline}), minimum body data rate (408) and a connection limit.
 */
public final class HttpListener {
    private HttpListener() {
    }

    /** Makes {@code javalin} listen on {@code host:port} (0 = any free port) as {@code config} says; start it with {@code start()}. */
    public static void configure(JavalinConfig javalin, String host, int port, ServerConfig config) {
        javalin.jetty.addConnector((server, http) -> connector(server, http, host, port, config));
        // Jetty throws this from a body read that breaks a limit (the minimum data rate: 408): its status, not a 500, and the
        // connection closed, or Jetty would go on reading the rest of the slow body to keep it alive
        javalin.router.mount(routes -> routes.exception(BadMessageException.class, (e, ctx) -> ctx.status(e.getCode()).header("Connection", "close")
                .result(e.getReason() == null ? "bad request" : e.getReason())));
    }

    static ServerConnector connector(Server server, HttpConfiguration http, String host, int port, ServerConfig config) {
        http.setRequestHeaderSize(config.maxHeaderBytes());
        http.setMinRequestDataRate(config.minRequestBytesPerSecond());
        ServerConnector connector = config.tls().isPresent()
                ? new ServerConnector(server, tls(http, config.tls().get()))
                : new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.addBean(new HeaderDeadline(config.headerTimeout(), connector.getScheduler()));
        server.addBean(new ConnectionLimit(config.maxConnections(), connector));
        return connector;
    }

    /** TLS, then ALPN choosing h2 (preferred) or http/1.1; a client without ALPN gets HTTP/1.1. */
    private static ConnectionFactory[] tls(HttpConfiguration plain, TlsIdentity identity) {
        HttpConfiguration https = new HttpConfiguration(plain);
        // a node is reached by IP address and through load balancers: the certificate's names are the client's to check
        https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        HttpConnectionFactory http1 = new HttpConnectionFactory(https);
        HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(https);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(http2.getProtocol(), http1.getProtocol());
        alpn.setDefaultProtocol(http1.getProtocol());
        SslContextFactory.Server context = new SslContextFactory.Server();
        context.setKeyStore(identity.keyStore());
        context.setKeyStorePassword(new String(identity.password()));
        context.setKeyManagerPassword(new String(identity.password()));
        context.setCipherComparator(HTTP2Cipher.COMPARATOR); // HTTP/2 refuses the ciphers it blacklists: put them last
        context.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        return new ConnectionFactory[]{new SslConnectionFactory(context, alpn.getProtocol()), alpn, http2, http1};
    }
}
