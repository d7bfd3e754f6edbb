package io.harbinger.alert.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.alert.rule.Episode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The request bodies, built once when a notification is enqueued (a retry sends the same bytes):
 * <ul>
 *   <li>webhook: Alertmanager's webhook payload ({@code version 4}: status, groupKey, groupLabels,
 *       commonLabels, commonAnnotations, externalURL, alerts with status, labels, annotations, startsAt,
 *       endsAt, generatorURL, fingerprint), plus the notification's {@code id} and each alert's {@code id};</li>
 *   <li>Alertmanager: the v2 API's postable alerts ({@code [{labels, annotations, startsAt, endsAt, generatorURL}]}).
 *       A firing alert's {@code endsAt} is three repeat intervals after now (wall clock), so Alertmanager keeps it
 *       while the repeats refresh it and lets it lapse if Harbinger goes away; a resolved one's is its resolution.</li>
 * </ul>
 * Instants of the alerts are prediction time.
 */
public final class Payloads {
    /** Alertmanager's "no end" in the webhook payload. */
    static final String NO_END = "0001-01-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<URI> externalUrl;
    private final Duration repeat;

    /**
     * @param externalUrl the dashboard's address, for generator links (none: no links)
     * @param repeat      the repeat interval of firing notifications
     */
    public Payloads(Optional<URI> externalUrl, Duration repeat) {
        this.externalUrl = externalUrl;
        this.repeat = repeat;
    }

    /** The body {@code receiver} gets for {@code n}, enqueued at {@code now} (wall clock). */
    public String body(Receiver receiver, Notification n, Instant now) {
        Object body = receiver.kind() == Receiver.Kind.WEBHOOK ? webhook(receiver, n) : alertmanager(n, now);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }

    Map<String, Object> webhook(Receiver receiver, Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "4");
        body.put("id", n.id().toString());
        body.put("groupKey", n.groupKey());
        body.put("truncatedAlerts", 0);
        body.put("status", n.status().label());
        body.put("receiver", receiver.name());
        body.put("groupLabels", n.groupLabels());
        body.put("commonLabels", common(n.notices().stream().map(x -> x.episode().labels()).toList()));
        body.put("commonAnnotations", common(n.notices().stream().map(x -> x.episode().annotations()).toList()));
        body.put("externalURL", externalUrl.map(URI::toString).orElse(""));
        body.put("alerts", n.notices().stream().map(this::webhookAlert).toList());
        return body;
    }

    private Map<String, Object> webhookAlert(Notice notice) {
        Episode e = notice.episode();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", e.id().toString());
        a.put("status", notice.status().label());
        a.put("labels", e.labels());
        a.put("annotations", e.annotations());
        a.put("startsAt", startsAt(e).toString());
        a.put("endsAt", notice.status() == Notice.Status.RESOLVED ? endsAt(e).toString() : NO_END);
        a.put("generatorURL", generatorUrl(e));
        a.put("fingerprint", e.fingerprint());
        return a;
    }

    List<Map<String, Object>> alertmanager(Notification n, Instant now) {
        return n.notices().stream().map(notice -> {
            Episode e = notice.episode();
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("labels", e.labels());
            a.put("annotations", e.annotations());
            Instant starts = startsAt(e);
            a.put("startsAt", starts.toString());
            Instant ends = notice.status() == Notice.Status.RESOLVED ? endsAt(e)
                    : later(now, starts).plus(repeat.multipliedBy(3));
            a.put("endsAt", ends.toString());
            String link = generatorUrl(e);
            if (!link.isEmpty()) a.put("generatorURL", link);
            return a;
        }).toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant startsAt(Episode e) {
        return e.firedAt().orElse(e.activeAt());
    }

    private static Instant endsAt(Episode e) {
        return e.resolvedAt().orElse(e.lastSampleAt());
    }

    /** The alert in the API of the node that raised it (none without {@code --alert-external-url}). */
    private String generatorUrl(Episode e) {
        return externalUrl.map(u -> {
            String base = u.toString();
            return (base.endsWith("/") ? base : base + "/") + "api/v1/alerts/" + e.id();
        }).orElse("");
    }

    /** The pairs every map holds. */
    static Map<String, String> common(List<Map<String, String>> maps) {
        if (maps.isEmpty()) return Map.of();
        Set<Map.Entry<String, String>> shared = maps.getFirst().entrySet();
        return shared.stream().filter(en -> maps.stream().allMatch(m -> en.getValue().equals(m.get(en.getKey()))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, java.util.TreeMap::new));
    }
}
