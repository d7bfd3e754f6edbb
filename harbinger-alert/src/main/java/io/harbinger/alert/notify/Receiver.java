package io.harbinger.alert.notify;

import java.net.URI;

/**
 * Where notifications go: a generic JSON webhook (one POST per notification, Alertmanager's webhook
 * payload shape), or an Alertmanager ({@code POST <base>/api/v2/alerts}, which routes them on).
 *
 * @param name the receiver's name in the outbox and the logs: {@code webhook} or {@code alertmanager}
 */
public record Receiver(String name, Kind kind, URI url) {
    public enum Kind { WEBHOOK, ALERTMANAGER }

    public Receiver {
        if (name == null || name.isBlank() || kind == null || url == null) throw new IllegalArgumentException("name, kind and url must be given");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("receiver " + name + ": url must be http:// or https://, got " + url);
        }
    }

    public static Receiver webhook(URI url) {
        return new Receiver("webhook", Kind.WEBHOOK, url);
    }

    public static Receiver alertmanager(URI base) {
        return new Receiver("alertmanager", Kind.ALERTMANAGER, base);
    }

    /** Where the POST goes. */
    public URI target() {
        if (kind == Kind.WEBHOOK) return url;
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "api/v2/alerts");
    }
}
