package io.harbinger.alert.rule;

import io.harbinger.schema.alert.AlertState;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.ScoredSample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static io.harbinger.alert.Samples.T0;
import static io.harbinger.alert.Samples.bad;
import static io.harbinger.alert.Samples.good;
import static io.harbinger.alert.Samples.sample;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

class EvaluatorTest {
    private Optional<Episode> open = Optional.empty();

    private Evaluator.Event feed(Evaluator evaluator, ScoredSample s) {
        Evaluator.Step step = evaluator.next(open, s);
        if (step.event() != Evaluator.Event.NONE) {
            open = step.episode().filter(e -> e.state() != AlertState.RESOLVED);
        }
        return step.event();
    }

    private static Evaluator rule(Bucket threshold, Hold hold, Duration keep) {
        return new Evaluator(new AlertRule(threshold, hold, keep), UUID::randomUUID);
    }

    @Test
    void holdOfOneSample_firesAtTheFirstBadPrediction() {
        Evaluator e = rule(Bucket.BAD, new Hold.Samples(1), Duration.ZERO);
        assertThat(feed(e, good("h", "d", ofHours(0)))).isEqualTo(Evaluator.Event.NONE);
        assertThat(feed(e, bad("h", "d", ofHours(1)))).isEqualTo(Evaluator.Event.FIRED);
        assertThat(open.orElseThrow().firedAt()).contains(T0.plus(ofHours(1)));
    }

    @Test
    void holdOfSamples_isPendingUntilTheNthConsecutiveMatch() {
        Evaluator e = rule(Bucket.BAD, new Hold.Samples(3), Duration.ZERO);
        assertThat(feed(e, bad("h", "d", ofHours(1)))).isEqualTo(Evaluator.Event.PENDING);
        assertThat(feed(e, bad("h", "d", ofHours(2)))).isEqualTo(Evaluator.Event.UPDATED);
        assertThat(open.orElseThrow().state()).isEqualTo(AlertState.PENDING);
        assertThat(feed(e, bad("h", "d", ofHours(3)))).isEqualTo(Evaluator.Event.FIRED);
        assertThat(open.orElseThrow().activeAt()).isEqualTo(T0.plus(ofHours(1)));
    }

    @Test
    void aGoodSampleWhilePending_endsTheEpisodeUnfired_andTheCountStartsAgain() {
        Evaluator e = rule(Bucket.BAD, new Hold.Samples(2), Duration.ZERO);
        feed(e, bad("h", "d", ofHours(1)));
        Evaluator.Step step = e.next(open, good("h", "d", ofHours(2)));
        assertThat(step.event()).isEqualTo(Evaluator.Event.RESOLVED);
        assertThat(step.episode().orElseThrow().firedAt()).isEmpty();
        open = Optional.empty();
        assertThat(feed(e, bad("h", "d", ofHours(3)))).isEqualTo(Evaluator.Event.PENDING);
        assertThat(feed(e, bad("h", "d", ofHours(4)))).isEqualTo(Evaluator.Event.FIRED);
    }

    @Test
    void holdOfDuration_firesOnceTheConditionHeldThatLongInPredictionTime() {
        Evaluator e = rule(Bucket.BAD, new Hold.Lasting(ofMinutes(10)), Duration.ZERO);
        assertThat(feed(e, bad("h", "d", ofMinutes(0)))).isEqualTo(Evaluator.Event.PENDING);
        assertThat(feed(e, bad("h", "d", ofMinutes(9)))).isEqualTo(Evaluator.Event.UPDATED);
        assertThat(feed(e, bad("h", "d", ofMinutes(10)))).isEqualTo(Evaluator.Event.FIRED);
    }

    @Test
    void keepFiringFor_holdsTheAlertThroughGoodSamplesUntilThatLongAfterTheLastBadOne() {
        Evaluator e = rule(Bucket.BAD, new Hold.Samples(1), ofHours(2));
        feed(e, bad("h", "d", ofHours(0)));
        assertThat(feed(e, good("h", "d", ofHours(1)))).isEqualTo(Evaluator.Event.UPDATED);
        assertThat(open.orElseThrow().state()).isEqualTo(AlertState.FIRING);
        assertThat(feed(e, bad("h", "d", ofHours(2)))).isEqualTo(Evaluator.Event.UPDATED);
        assertThat(feed(e, good("h", "d", ofHours(3)))).isEqualTo(Evaluator.Event.UPDATED);
        Evaluator.Step resolved = e.next(open, good("h", "d", ofHours(4)));
        assertThat(resolved.event()).isEqualTo(Evaluator.Event.RESOLVED);
        assertThat(resolved.episode().orElseThrow().resolvedAt()).contains(T0.plus(ofHours(4)));
    }

    @Test
    void keepFiringForZero_resolvesAtTheFirstGoodSample_andANewEpisodeHasANewIdButTheSameFingerprint() {
        Evaluator e = rule(Bucket.BAD, new Hold.Samples(1), Duration.ZERO);
        feed(e, bad("h", "d", ofHours(0)));
        Episode first = open.orElseThrow();
        assertThat(feed(e, good("h", "d", ofHours(1)))).isEqualTo(Evaluator.Event.RESOLVED);
        assertThat(feed(e, bad("h", "d", ofHours(2)))).isEqualTo(Evaluator.Event.FIRED);
        assertThat(open.orElseThrow().id()).isNotEqualTo(first.id());
        assertThat(open.orElseThrow().fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void samplesNotNewerThanTheLast_areIgnored() {
        Evaluator e = rule(Bucket.BAD, new Hold.Samples(2), Duration.ZERO);
        feed(e, bad("h", "d", ofHours(2)));
        assertThat(feed(e, bad("h", "d", ofHours(2)))).isEqualTo(Evaluator.Event.NONE);
        assertThat(feed(e, bad("h", "d", ofHours(1)))).isEqualTo(Evaluator.Event.NONE);
        assertThat(open.orElseThrow().matches()).isEqualTo(1);
    }

    @Test
    void warningThreshold_isMetByWarningAndBad_badThresholdOnlyByBad() {
        Evaluator warning = rule(Bucket.WARNING, new Hold.Samples(2), Duration.ZERO);
        feed(warning, sample("h", "d", T0, Bucket.WARNING, 0.3));
        assertThat(feed(warning, sample("h", "d", T0.plusSeconds(1), Bucket.BAD, 0.9))).isEqualTo(Evaluator.Event.FIRED);
        assertThat(open.orElseThrow().labels()).containsEntry("severity", "warning").containsEntry("bucket", "warning");
        open = Optional.empty();
        Evaluator badOnly = rule(Bucket.BAD, new Hold.Samples(1), Duration.ZERO);
        assertThat(feed(badOnly, sample("h", "d", T0, Bucket.WARNING, 0.3))).isEqualTo(Evaluator.Event.NONE);
    }

    @Test
    void annotations_sayWhichDriveWhereWithWhatProbability_andWhatPushedIt() {
        Evaluator e = rule(Bucket.BAD, new Hold.Samples(1), Duration.ZERO);
        feed(e, bad("h-001", "ZJV0", ofHours(0)));
        assertThat(open.orElseThrow().annotations()).containsEntry("summary", "Drive ZJV0 on eu-1/h-001 predicted to fail (p=0.83, bad)");
        assertThat(open.orElseThrow().annotations().get("description")).as("reasons in words, not feature names")
                .contains("SMART 197 current pending sectors", "24", "SMART 5 ", "(model m1).").doesNotContain("smart_197_raw");
    }

    @Test
    void fingerprint_isStableAndTellsLabelSetsApart() {
        assertThat(Fingerprint.of(java.util.Map.of("a", "bc"))).isEqualTo(Fingerprint.of(new java.util.TreeMap<>(java.util.Map.of("a", "bc"))))
                .hasSize(16).isNotEqualTo(Fingerprint.of(java.util.Map.of("ab", "c")));
    }

    @Test
    void hold_parsesSamplesOrADuration() {
        assertThat(Hold.parse("2")).isEqualTo(new Hold.Samples(2));
        assertThat(Hold.parse("10m")).isEqualTo(new Hold.Lasting(ofMinutes(10)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hold.parse("0")).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hold.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
