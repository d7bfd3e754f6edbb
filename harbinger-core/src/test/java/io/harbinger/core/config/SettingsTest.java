package io.harbinger.core.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    private static final Setting<Integer> THREADS = Setting.of("stream-threads", SettingType.INTEGER, 1).must(Rule.between(1, 64))
            .env("HARBINGER_STREAM_THREADS").description("Kafka Streams threads.");
    private static final Setting<Duration> MIN = Setting.of("backoff-initial", SettingType.DURATION, Duration.ofMillis(100))
            .must(Rule.atLeast(Duration.ofMillis(1)));
    private static final Setting<Duration> MAX = Setting.of("backoff-max", SettingType.DURATION, Duration.ofSeconds(30))
            .must(Rule.atLeast(Duration.ofMillis(1)));
    private static final Setting<Optional<String>> KAFKA = Setting.of("kafka", SettingType.optional(SettingType.TEXT), Optional.<String>empty())
            .must(Rule.whenGiven(Rule.of("host:port", (String s) -> s.contains(":")))).env("HARBINGER_KAFKA");
    private static final SettingSet SET = SettingSet.of(THREADS, MIN, MAX, KAFKA)
            .check(s -> s.get(MAX).compareTo(s.get(MIN)) < 0
                    ? Optional.of(MAX.flag() + " " + MAX.show(s.get(MAX)) + " must be at least " + MIN.flag() + " " + MIN.show(s.get(MIN)))
                    : Optional.empty());

    @Test
    void read_takesTheCommandLineOverTheEnvironmentOverTheDefault() {
        Map<String, String> env = Map.of("HARBINGER_STREAM_THREADS", "4", "HARBINGER_KAFKA", "k:9092");

        assertThat(Settings.read(SET, Map.of("stream-threads", "8"), env).get(THREADS)).isEqualTo(8);
        assertThat(Settings.read(SET, Map.of(), env).get(THREADS)).isEqualTo(4);
        assertThat(Settings.read(SET, Map.of(), env).get(KAFKA)).contains("k:9092");
        assertThat(Settings.read(SET, Map.of(), Map.of("HARBINGER_STREAM_THREADS", "")).get(THREADS)).isEqualTo(1);
        assertThat(Settings.defaults(SET).get(KAFKA)).isEmpty();
        assertThat(Settings.defaults(SET).get(MIN)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void read_reportsEveryBadSettingAtOnce_namingTheValueAndWhatIsValid() {
        assertThatThrownBy(() -> Settings.read(SET, Map.of("stream-threads", "0", "backoff-initial", "soon", "kafka", "nohost"), Map.of()))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsExactly(
                        "--stream-threads must be 1..64, got 0",
                        "--backoff-initial must be a duration such as 500ms, 90s, 10m, 1h, 2d or PT1H, got 'soon'",
                        "--kafka must be host:port, got 'nohost'"))
                .hasMessage("--stream-threads must be 1..64, got 0; --backoff-initial must be a duration such as 500ms, 90s, 10m, 1h, 2d or PT1H, got 'soon'; --kafka must be host:port, got 'nohost'");
    }

    @Test
    void read_namesTheEnvironmentVariable_whenTheBadValueCameFromThere() {
        assertThatThrownBy(() -> Settings.read(SET, Map.of(), Map.of("HARBINGER_STREAM_THREADS", "many")))
                .hasMessage("--stream-threads must be a whole number, got 'many' (from HARBINGER_STREAM_THREADS)");
    }

    @Test
    void read_refusesANameThatIsNotDeclared() {
        assertThatThrownBy(() -> Settings.read(SET, Map.of("stream-thread", "2"), Map.of())).hasMessage("--stream-thread is not a setting");
    }

    @Test
    void checks_runOnceEverySettingIsValid() {
        assertThatThrownBy(() -> Settings.read(SET, Map.of("backoff-initial", "2s", "backoff-max", "1s"), Map.of()))
                .hasMessage("--backoff-max 1s must be at least --backoff-initial 2s");
        assertThatThrownBy(() -> Settings.read(SET, Map.of("backoff-initial", "2s", "backoff-max", "1s", "stream-threads", "0"), Map.of()))
                .hasMessage("--stream-threads must be 1..64, got 0");
    }

    @Test
    void builder_checksTypedValuesByTheSameRules() {
        assertThat(Settings.builder(SET).set(THREADS, 3).build().get(THREADS)).isEqualTo(3);
        assertThatThrownBy(() -> Settings.builder(SET).set(THREADS, 65).build()).hasMessage("--stream-threads must be 1..64, got 65");
        assertThatThrownBy(() -> THREADS.require(0)).hasMessage("--stream-threads must be 1..64, got 0");
    }

    @Test
    void aSettingNotDeclared_isAProgrammingError_notABadValue() {
        Setting<Integer> other = Setting.of("other", SettingType.INTEGER, 1);
        assertThatThrownBy(() -> Settings.defaults(SET).get(other)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Settings.builder(SET).set(other, 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void declarations_refuseADefaultBreakingItsRule_andTwoSettingsOfOneName() {
        Setting<Integer> broken = Setting.of("partitions", SettingType.INTEGER, 0).must(Rule.atLeast(1));
        assertThatThrownBy(() -> SettingSet.of(broken)).hasMessageContaining("the default of --partitions breaks its own rule");
        assertThatThrownBy(() -> SettingSet.of(THREADS, Setting.of("stream-threads", SettingType.INTEGER, 2)))
                .hasMessage("two settings are called --stream-threads");
        assertThatThrownBy(() -> Setting.of("Stream_Threads", SettingType.INTEGER, 1)).hasMessageContaining("lower-case words");
    }

    enum Format { TEXT, BINARY }

    @Test
    void choices_readAnyCase_andListTheChoicesWhenWrong() {
        Setting<Format> format = Setting.of("copy-format", SettingType.choice(Format.class), Format.BINARY);
        assertThat(format.parse("Text")).isEqualTo(Format.TEXT);
        assertThat(format.defaultText()).isEqualTo("binary");
        assertThat(format.label()).isEqualTo("text|binary");
        assertThatThrownBy(() -> format.parse("csv")).hasMessage("--copy-format must be one of text, binary, got 'csv'");
    }

    @Test
    void durations_readTheShortFormsAndIso_andWriteTheShortestExactForm() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse(" 7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessage("'soon' is not a duration; write e.g. 90s, 10m, 1h, 2d or PT1H");
        assertThatThrownBy(() -> Durations.parse("99999999999999999d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("99999999999999999999s")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Durations.format(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE).toString());
    }
}
