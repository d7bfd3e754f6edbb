package io.harbinger.auth;

import io.harbinger.core.config.Rule;
import io.harbinger.core.config.Setting;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.Settings;

import java.time.Duration;
import java.util.Optional;

import static io.harbinger.core.config.SettingType.DURATION;
import static io.harbinger.core.config.SettingType.choice;
import static io.harbinger.core.config.SettingType.optional;

/**
 * Whether a node asks for API keys ({@code --auth}) and how long a node trusts what the key store said about
 * a key ({@code --auth-cache-ttl}: the bound on how late a revocation takes effect on the other nodes).
 * Without {@code --auth} a node runs open only on a loopback address ({@link #problem}).
 */
public record AuthConfig(Mode mode, Duration cacheTtl) {
    /** {@code keys}: every route but the probes needs a key; {@code open}: no keys, every request may do everything. */
    public enum Mode { KEYS, OPEN }

    public static final Setting<Optional<Mode>> AUTH = Setting.of("auth", optional(choice(Mode.class)), Optional.<Mode>empty())
            .env("HARBINGER_AUTH")
            .description("keys: every route but /health, /ready, /metrics and the dashboard's files needs an API key (harbinger keys create); "
                    + "open: no keys, anyone who reaches the port can write, read and administer. None = open, allowed only when --bind is a loopback address.");
    public static final Setting<Duration> CACHE_TTL = Setting.of("auth-cache-ttl", DURATION, Duration.ofSeconds(5))
            .must(Rule.between(Duration.ofMillis(100), Duration.ofMinutes(5)))
            .env("HARBINGER_AUTH_CACHE_TTL")
            .description("How long a node keeps what the key store said about a key: a key revoked on one node is refused by every node within this.");

    public static final SettingSet SETTINGS = SettingSet.of(AUTH, CACHE_TTL);

    public AuthConfig {
        if (mode == null) throw new IllegalArgumentException("mode must be given");
        CACHE_TTL.require(cacheTtl);
    }

    /** The node's access settings; without {@code --auth}, open ({@link #problem} refused that off loopback). */
    public static AuthConfig from(Settings settings) {
        return new AuthConfig(settings.get(AUTH).orElse(Mode.OPEN), settings.get(CACHE_TTL));
    }

    public boolean keys() {
        return mode == Mode.KEYS;
    }

    /**
     * Why a node bound to {@code bind} cannot start with {@code auth}: open by default is for a loopback address only.
     *
     * @param bindFlag the flag that sets {@code bind}, for the message
     */
    public static Optional<String> problem(String bindFlag, String bind, Optional<Mode> auth) {
        if (auth.isPresent() || loopback(bind)) return Optional.empty();
        return Optional.of(bindFlag + " " + bind + " needs " + AUTH.flag() + " keys (or " + AUTH.flag()
                + " open to run without keys on purpose: anyone who can reach the port can write and read)");
    }

    /** Whether {@code address} is a loopback address written out: 127.x.x.x, ::1 or localhost (any other name counts as not). */
    static boolean loopback(String address) {
        String a = address.strip();
        return a.equals("localhost") || a.equals("::1") || a.equals("[::1]") || a.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
