package io.harbinger.api.server;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose TLS handshake or HTTP/1 request header takes longer than the header
 * timeout. Jetty 11 times out only silence ({@code idleTimeout}, reset by every byte), so a
 * slow-loris client dribbling a header a byte every few seconds would hold its connection for hours;
 * this bounds it. A fresh connection must finish its handshake, and its first request header, within
 * the timeout of opening; on a kept-alive connection each later header is checked every timeout, so
 * it gets between one and two (an idle kept-alive connection is left to the idle timeout). HTTP/2
 * connections are not watched: their headers arrive in frames, bounded by the header size limit.
 * <p>
 * It also ends a connection Jetty has answered and shut for output (after a 408 or 431, or
 * {@code Connection: close}) whose client goes on sending: Jetty would read and discard until the
 * client stops, each byte resetting the idle timeout.
 */
final class HeaderDeadline implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final long timeoutMillis;
    private final Scheduler scheduler;

    HeaderDeadline(Duration timeout, Scheduler scheduler) {
        this.timeoutMillis = timeout.toMillis();
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            new HeaderWatch(http).next();
        } else if (connection instanceof SslConnection tls) {
            HandshakeWatch watch = new HandshakeWatch(tls);
            tls.addHandshakeListener(watch);
            scheduler.schedule(watch, timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onClosed(Connection connection) {
    }

    private void close(Connection connection, String why) {
        LOG.debug("closing {} from {}: {} (header timeout {} ms)", connection, connection.getEndPoint().getRemoteSocketAddress(), why, timeoutMillis);
        connection.getEndPoint().close();
    }

    /** Looks at one HTTP/1 connection every timeout while it is open. */
    private final class HeaderWatch implements Runnable {
        private final HttpConnection http;
        /** The request count when this connection was last seen in the middle of a header; -1 when it was not. */
        private long midHeaderAt = -1;

        HeaderWatch(HttpConnection http) {
            this.http = http;
        }

        void next() {
            scheduler.schedule(this, timeoutMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!http.getEndPoint().isOpen()) return;
            if (http.getEndPoint().isOutputShutdown()) { // answered and closing (a 408, a 431), but the client goes on sending
                close(http, "answered and shut for output, but the client goes on sending");
                return;
            }
            long requests = http.getMessagesIn();
            HttpParser parser = http.getParser();
            boolean keptAliveIdle = parser.isStart() && requests > 0;
            boolean inHeader = parser.inHeaderState() && !keptAliveIdle;
            if (inHeader && (requests == 0 || requests == midHeaderAt)) {
                close(http, (requests == 0 ? "the first request header" : "a request header") + " is not complete in time");
                return;
            }
            midHeaderAt = inHeader ? requests : -1;
            next();
        }
    }

    /** Closes a TLS connection whose handshake has not succeeded by the time this runs. */
    private final class HandshakeWatch implements Runnable, SslHandshakeListener {
        private final SslConnection tls;
        private volatile boolean done;

        HandshakeWatch(SslConnection tls) {
            this.tls = tls;
        }

        @Override
        public void handshakeSucceeded(Event event) {
            done = true;
        }

        @Override
        public void handshakeFailed(Event event, Throwable failure) {
            done = true; // Jetty closes it
        }

        @Override
        public void run() {
            if (!done && tls.getEndPoint().isOpen()) close(tls, "the TLS handshake is not done in time");
        }
    }
}
