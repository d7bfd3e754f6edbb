package io.harbinger.alert.notify;

import java.util.Map;
import java.util.TreeMap;

/** Which alerts go out together in one notification: those of one host, or of one region. */
public enum GroupBy {
    HOST, REGION;

    /** The labels the group shares: region (and host). */
    public Map<String, String> groupLabels(Map<String, String> labels) {
        Map<String, String> group = new TreeMap<>();
        group.put("region", labels.getOrDefault("region", ""));
        if (this == HOST) group.put("host", labels.getOrDefault("host", ""));
        return group;
    }

    /** {@code {region="eu-1",host="h-001"}}: Alertmanager's form of a group key. */
    public String key(Map<String, String> labels) {
        StringBuilder b = new StringBuilder("{");
        groupLabels(labels).forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(k).append("=\"").append(v).append('"'));
        return b.append('}').toString();
    }
}
