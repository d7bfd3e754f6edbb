package io.harbinger.alert;

import io.harbinger.alert.notify.GroupBy;
import io.harbinger.alert.notify.Receiver;
import io.harbinger.alert.rule.AlertRule;
import io.harbinger.alert.rule.Hold;
import io.harbinger.core.config.Rule;
import io.harbinger.core.config.Setting;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.SettingType;
import io.harbinger.core.config.Settings;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.topic.Topics;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.harbinger.core.config.SettingType.DURATION;
import static io.harbinger.core.config.SettingType.INTEGER;
import static io.harbinger.core.config.SettingType.choice;
import static io.harbinger.core.config.SettingType.optional;

/**
 * Settings of alerting ({@code --alert-*}, {@code --alertmanager}), declared once below and validated at
 * construction with a message naming the setting. Without a receiver, alerts are still evaluated, stored
 * and listed by the API; nothing is sent.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param topics           the topic names; the consumer group is {@code <prefix>alerting}
 * @param rule             which predictions alert, and when
 * @param groupBy          one notification per host or per region
 * @param receivers        where notifications go (none: nowhere)
 * @param externalUrl      the dashboard's address for links in notifications
 * @param rate             outbound requests per second per receiver
 * @param backoffInitial   first wait after a failed delivery; doubles per failure (with jitter) ...
 * @param backoffMax       ... up to this
 * @param timeout          a delivery that has no answer within this fails (a hanging receiver blocks no other)
 * @param breakerOpen      how long a receiver's circuit breaker stays open before it lets one call try
 * @param repeat           a firing alert is notified again after this (wall clock)
 * @param sweep            how often silences that ended and repeats that are due are looked for
 * @param consumerProps    extra consumer settings (group, isolation and auto-commit are forced)
 */
public record AlertConfig(String bootstrapServers, Topics topics, AlertRule rule, GroupBy groupBy, List<Receiver> receivers,
                          Optional<URI> externalUrl, int rate, Duration backoffInitial, Duration backoffMax, Duration timeout,
                          Duration breakerOpen, Duration repeat, Duration sweep, Map<String, Object> consumerProps) {
    private static final Rule<Duration> POSITIVE = Rule.atLeast(Duration.ofMillis(1));
    private static final SettingType<Hold> HOLD = SettingType.of("N|DURATION", "a number of samples such as 2, or a duration of prediction time such as 10m or 2d",
            Hold::parse);
    private static final SettingType<URI> URL = SettingType.of("URL", "an http:// or https:// URL", AlertConfig::url);

    /** Which predictions alert. */
    public enum Threshold {
        BAD, WARNING;

        Bucket bucket() {
            return this == BAD ? Bucket.BAD : Bucket.WARNING;
        }
    }

    public static final Setting<Threshold> BUCKET = Setting.of("alert-bucket", choice(Threshold.class), Threshold.BAD)
            .env("HARBINGER_ALERT_BUCKET").description("Predictions in this bucket (warning: warning or bad) raise alerts.");
    public static final Setting<Hold> FOR = Setting.of("alert-for", HOLD, (Hold) new Hold.Samples(1))
            .env("HARBINGER_ALERT_FOR")
            .description("How long a drive must stay in --alert-bucket before its alert fires: consecutive samples (2) or prediction time (10m, 2d).");
    public static final Setting<Duration> KEEP_FIRING_FOR = Setting.of("alert-keep-firing-for", DURATION, Duration.ofHours(1))
            .must(Rule.atLeast(Duration.ZERO)).env("HARBINGER_ALERT_KEEP_FIRING_FOR")
            .description("A firing alert resolves at a better prediction only this long (prediction time) after its last one in the bucket.");
    public static final Setting<GroupBy> GROUP_BY = Setting.of("alert-group-by", choice(GroupBy.class), GroupBy.HOST)
            .env("HARBINGER_ALERT_GROUP_BY").description("Alerts of one host, or of one region, go out together in one notification.");
    public static final Setting<Optional<URI>> WEBHOOK = Setting.of("alert-webhook", optional(URL), Optional.<URI>empty())
            .env("HARBINGER_ALERT_WEBHOOK").description("POST notifications as JSON (Alertmanager's webhook shape) to this URL; none = no webhook.");
    public static final Setting<Optional<URI>> ALERTMANAGER = Setting.of("alertmanager", optional(URL), Optional.<URI>empty())
            .env("HARBINGER_ALERTMANAGER").description("Alertmanager base URL (alerts are posted to <url>/api/v2/alerts); none = no Alertmanager.");
    public static final Setting<Optional<URI>> EXTERNAL_URL = Setting.of("alert-external-url", optional(URL), Optional.<URI>empty())
            .env("HARBINGER_ALERT_EXTERNAL_URL").description("This node's address as people reach it, for the links in notifications; none = no links.");
    public static final Setting<Integer> RATE = Setting.of("alert-rate", INTEGER, 10).must(Rule.between(1, 10_000))
            .env("HARBINGER_ALERT_RATE").description("Outbound requests per second to each receiver, at most.");
    public static final Setting<Duration> BACKOFF_INITIAL = Setting.of("alert-backoff-initial", DURATION, Duration.ofSeconds(1)).must(POSITIVE)
            .env("HARBINGER_ALERT_BACKOFF_INITIAL").description("First wait after a failed delivery; doubles per failure, with jitter, up to --alert-backoff-max.");
    public static final Setting<Duration> BACKOFF_MAX = Setting.of("alert-backoff-max", DURATION, Duration.ofMinutes(5)).must(POSITIVE)
            .env("HARBINGER_ALERT_BACKOFF_MAX").description("Longest wait between delivery attempts (a receiver's Retry-After may ask for longer).");
    public static final Setting<Duration> TIMEOUT = Setting.of("alert-timeout", DURATION, Duration.ofSeconds(10)).must(POSITIVE)
            .env("HARBINGER_ALERT_TIMEOUT").description("A delivery without an answer within this fails and is retried.");
    public static final Setting<Duration> BREAKER_OPEN = Setting.of("alert-breaker-open", DURATION, Duration.ofSeconds(30)).must(POSITIVE)
            .env("HARBINGER_ALERT_BREAKER_OPEN").description("How long a failing receiver's circuit breaker stays open before one delivery may try again.");
    public static final Setting<Duration> REPEAT = Setting.of("alert-repeat-interval", DURATION, Duration.ofHours(4)).must(Rule.atLeast(Duration.ofSeconds(1)))
            .env("HARBINGER_ALERT_REPEAT_INTERVAL").description("A firing alert is notified again after this (not to the webhook once acknowledged).");
    public static final Setting<Duration> SWEEP = Setting.of("alert-sweep-interval", DURATION, Duration.ofSeconds(10)).must(POSITIVE)
            .env("HARBINGER_ALERT_SWEEP_INTERVAL").description("How often ended silences and due repeats are looked for.");

    public static final SettingSet SETTINGS = SettingSet.of(BUCKET, FOR, KEEP_FIRING_FOR, GROUP_BY, WEBHOOK, ALERTMANAGER, EXTERNAL_URL, RATE,
                    BACKOFF_INITIAL, BACKOFF_MAX, TIMEOUT, BREAKER_OPEN, REPEAT, SWEEP)
            .check(s -> backoffProblem(s.get(BACKOFF_INITIAL), s.get(BACKOFF_MAX)));

    public AlertConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) throw new IllegalArgumentException("bootstrapServers must be non-empty");
        if (topics == null || rule == null || groupBy == null || externalUrl == null) {
            throw new IllegalArgumentException("topics, rule, groupBy and externalUrl must be non-null");
        }
        receivers = List.copyOf(receivers);
        RATE.require(rate);
        BACKOFF_INITIAL.require(backoffInitial);
        BACKOFF_MAX.require(backoffMax);
        TIMEOUT.require(timeout);
        BREAKER_OPEN.require(breakerOpen);
        REPEAT.require(repeat);
        SWEEP.require(sweep);
        backoffProblem(backoffInitial, backoffMax).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        consumerProps = Map.copyOf(consumerProps == null ? Map.of() : consumerProps);
    }

    /** Alerting with the values of {@code settings} (which must declare {@link #SETTINGS}). */
    public static AlertConfig from(Settings s, String bootstrapServers, Topics topics) {
        List<Receiver> receivers = new ArrayList<>();
        s.get(WEBHOOK).map(Receiver::webhook).ifPresent(receivers::add);
        s.get(ALERTMANAGER).map(Receiver::alertmanager).ifPresent(receivers::add);
        return new AlertConfig(bootstrapServers, topics, new AlertRule(s.get(BUCKET).bucket(), s.get(FOR), s.get(KEEP_FIRING_FOR)),
                s.get(GROUP_BY), receivers, s.get(EXTERNAL_URL), s.get(RATE), s.get(BACKOFF_INITIAL), s.get(BACKOFF_MAX), s.get(TIMEOUT),
                s.get(BREAKER_OPEN), s.get(REPEAT), s.get(SWEEP), Map.of());
    }

    /** Every setting at its default: no receivers. */
    public static AlertConfig defaults(String bootstrapServers, Topics topics) {
        return from(Settings.defaults(SETTINGS), bootstrapServers, topics);
    }

    public AlertConfig withReceivers(List<Receiver> r) {
        return new AlertConfig(bootstrapServers, topics, rule, groupBy, r, externalUrl, rate, backoffInitial, backoffMax, timeout, breakerOpen, repeat,
                sweep, consumerProps);
    }

    public AlertConfig withConsumerProps(Map<String, Object> props) {
        return new AlertConfig(bootstrapServers, topics, rule, groupBy, receivers, externalUrl, rate, backoffInitial, backoffMax, timeout, breakerOpen,
                repeat, sweep, props);
    }

    public String group() {
        return topics.prefix() + "alerting";
    }

    public String topic() {
        return topics.predictions().name();
    }

    private static URI url(String text) {
        URI uri = URI.create(text.trim());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an http:// or https:// URL");
        }
        return uri;
    }

    private static Optional<String> backoffProblem(Duration initial, Duration max) {
        if (max.compareTo(initial) >= 0) return Optional.empty();
        return Optional.of(BACKOFF_MAX.flag() + " (" + BACKOFF_MAX.show(max) + ") must be at least " + BACKOFF_INITIAL.flag()
                + " (" + BACKOFF_INITIAL.show(initial) + ")");
    }
}
