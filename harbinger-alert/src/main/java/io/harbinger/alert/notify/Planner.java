package io.harbinger.alert.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns the alerts to notify in one round into notifications, pure: one alert once per fingerprint and
 * status (the last wins), grouped by {@link GroupBy}, refreshes apart from the rest.
 */
public final class Planner {
    private final GroupBy groupBy;
    private final Supplier<UUID> ids;

    public Planner(GroupBy groupBy, Supplier<UUID> ids) {
        this.groupBy = groupBy;
        this.ids = ids;
    }

    /** One alert to notify and how (see {@link Decision.Send}). */
    public record Planned(Notice notice, boolean refreshOnly) {
    }

    public List<Notification> plan(List<Planned> planned) {
        Map<String, Planned> unique = new LinkedHashMap<>();
        for (Planned p : planned) {
            String key = p.notice().episode().fingerprint() + "/" + p.notice().status();
            unique.remove(key);
            unique.put(key, p);
        }
        Map<String, List<Planned>> groups = new LinkedHashMap<>();
        for (Planned p : unique.values()) {
            String group = groupBy.key(p.notice().episode().labels()) + (p.refreshOnly() ? "/refresh" : "");
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(p);
        }
        List<Notification> out = new ArrayList<>();
        groups.values().forEach(members -> {
            Map<String, String> labels = members.getFirst().notice().episode().labels();
            out.add(new Notification(ids.get(), groupBy.key(labels), groupBy.groupLabels(labels),
                    members.stream().map(Planned::notice).toList(), members.getFirst().refreshOnly()));
        });
        return out;
    }
}
