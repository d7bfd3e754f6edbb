package io.harbinger.parsers.prometheus;

import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.text.Utf8;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.DriveTags;
import io.harbinger.core.point.Tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a series' labels say about its points: measurement, region, host, drive and the remaining tags. */
final class SeriesLabels {
    static final String NAME = "__name__";
    private static final int MAX_LABELS_IN_DETAIL = 8;

    private SeriesLabels() {
    }

    sealed interface Identity permits Identity.Known, Identity.Refused {
        /** @param tags shared, unmodifiable, by every point of the series */
        record Known(String measurement, String region, String host, String drive, List<Tag> tags) implements Identity {
        }

        record Refused(Rejection rejection) implements Identity {
        }
    }

    static Identity identify(SeriesBuffer series, int seriesIndex, ParseContext ctx) {
        if (series.invalidUtf8Label() != SeriesBuffer.ALL_LABELS_VALID) {
            return refused(RejectReason.INVALID_UTF8, seriesIndex, "label " + (series.invalidUtf8Label() + 1) + "'s "
                    + (series.invalidUtf8InName() ? "name" : "value") + " is not valid UTF-8");
        }
        String measurement = "";
        String hostLabel = "";
        String instance = "";
        String region = "";
        ArrayList<Tag> tags = new ArrayList<>(series.labelCount());
        int maxBytes = ctx.limits().maxNameBytes();
        for (int i = 0; i < series.labelCount(); i++) {
            String name = series.name(i);
            String value = series.value(i);
            if (name.isEmpty()) {
                return refused(RejectReason.MALFORMED, seriesIndex, "label " + (i + 1) + " (value '" + clip(value) + "') has an empty name");
            }
            if (Utf8.longerThan(name, maxBytes) || Utf8.longerThan(value, maxBytes)) {
                return refused(RejectReason.MALFORMED, seriesIndex, "label '" + clip(name) + "': name or value longer than "
                        + maxBytes + " bytes (name " + Utf8.length(name) + ", value " + Utf8.length(value) + ")");
            }
            if (value.isEmpty()) continue; // Prometheus: an empty label value is the same as no label
            switch (name) {
                case NAME -> measurement = measurement.isEmpty() ? value : measurement;
                case "host" -> hostLabel = hostLabel.isEmpty() ? value : hostLabel;
                case "region" -> region = region.isEmpty() ? value : region;
                case "instance" -> {
                    instance = instance.isEmpty() ? value : instance;
                    tags.add(new Tag(name, value));
                }
                default -> tags.add(new Tag(name, value));
            }
        }
        if (measurement.isEmpty()) {
            return refused(RejectReason.MALFORMED, seriesIndex, "series has no " + NAME + " label (labels: " + describe(series) + ")");
        }
        String host = !hostLabel.isEmpty() ? hostLabel : !instance.isEmpty() ? hostOfInstance(instance) : ctx.defaultHost();
        if (host.isEmpty()) {
            return refused(RejectReason.MISSING_HOST, seriesIndex, "series '" + measurement
                    + "' has neither a 'host' nor an 'instance' label, and no default host is configured");
        }
        return new Identity.Known(measurement, region.isEmpty() ? ctx.defaultRegion() : region, host, DriveTags.driveOf(tags), Collections.unmodifiableList(tags));
    }

    /**
     * The machine an {@code instance} label names: {@code node1:9100} -> {@code node1},
     * {@code [2001:db8::1]:9100} -> {@code 2001:db8::1}. Anything else (no port, a bare IPv6 address,
     * a URL) is kept whole.
     */
    static String hostOfInstance(String instance) {
        if (instance.startsWith("[")) {
            int close = instance.indexOf(']');
            boolean bracketOnly = close == instance.length() - 1;
            boolean withPort = close > 1 && instance.length() > close + 2 && instance.charAt(close + 1) == ':' && isDigits(instance, close + 2);
            return close > 1 && (bracketOnly || withPort) ? instance.substring(1, close) : instance;
        }
        int colon = instance.indexOf(':');
        boolean hostColonPort = colon > 0 && colon == instance.lastIndexOf(':') && colon < instance.length() - 1 && isDigits(instance, colon + 1);
        return hostColonPort ? instance.substring(0, colon) : instance;
    }

    private static boolean isDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static String describe(SeriesBuffer series) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(series.labelCount(), MAX_LABELS_IN_DETAIL);
        for (int i = 0; i < shown; i++) {
            if (i > 0) sb.append(", ");
            sb.append(clip(series.name(i))).append("=\"").append(clip(series.value(i))).append('"');
        }
        if (series.labelCount() > shown) sb.append(", ...");
        return sb.isEmpty() ? "none" : sb.toString();
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    private static Identity refused(RejectReason reason, int seriesIndex, String detail) {
        return new Identity.Refused(new Rejection(reason, seriesIndex, "series " + seriesIndex + ": " + detail));
    }
}
