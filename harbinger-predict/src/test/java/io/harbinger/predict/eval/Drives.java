package io.harbinger.predict.eval;

import io.harbinger.schema.prediction.Bucket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Test data: drives scored on consecutive days counted from {@link #D0}. */
final class Drives {
    static final LocalDate D0 = LocalDate.of(2024, 1, 1);

    private final String name;
    private final TreeMap<Integer, Double> probabilities = new TreeMap<>();
    private final Set<Integer> ruleDays = new HashSet<>();
    private final Set<Integer> deltaDays = new HashSet<>();
    private final Map<Integer, Bucket> buckets = new HashMap<>();
    private Bucket defaultBucket = Bucket.GOOD;
    private Integer failsOn;

    private Drives(String name) {
        this.name = name;
    }

    static LocalDate day(int n) {
        return D0.plusDays(n);
    }

    static Drives drive(String name) {
        return new Drives(name);
    }

    /** Scored on days {@code from..to} inclusive with {@code probability}. */
    Drives days(int from, int to, double probability) {
        for (int d = from; d <= to; d++) probabilities.put(d, probability);
        return this;
    }

    Drives probability(int day, double probability) {
        probabilities.put(day, probability);
        return this;
    }

    Drives rule(int... days) {
        for (int d : days) ruleDays.add(d);
        return this;
    }

    Drives delta(int... days) {
        for (int d : days) deltaDays.add(d);
        return this;
    }

    /** The bucket of every scored day not given one by {@link #bucket(Bucket, int...)}; GOOD unless set. */
    Drives bucket(Bucket bucket) {
        defaultBucket = bucket;
        return this;
    }

    Drives bucket(Bucket bucket, int... days) {
        for (int d : days) buckets.put(d, bucket);
        return this;
    }

    Drives failsOn(int day) {
        failsOn = day;
        return this;
    }

    DriveScores build() {
        List<ScoredDay> days = new ArrayList<>();
        probabilities.forEach((d, p) -> days.add(new ScoredDay(day(d), p, ruleDays.contains(d), deltaDays.contains(d), buckets.getOrDefault(d, defaultBucket))));
        return new DriveScores(name, Optional.ofNullable(failsOn).map(Drives::day), days);
    }

    /**
     * 3 failed + 5 healthy drives, horizon 10, days 0..29. Drive scores for the PR curve:
     * f1 0.8, f3 0.55, f2 0.3 (failed); h2 0.6, h5 0.5, h3 0.45, h1 0.2, h4 0.1 (healthy).
     * At threshold 0.5: model recalls f1 (lead 7) and f3 (lead 13, first flag before its window), f2 is
     * early only; false alarms h2 and h5 (0.5 exactly). The rule recalls f1 (lead 1) and f2 (lead 17),
     * misses f3; false alarms h1, h2, h4. The delta rule recalls f1 (lead 2) and f2 (lead 4), misses f3;
     * false alarm h2. Every day is bucket GOOD.
     */
    static List<DriveScores> smallFleet() {
        return List.of(
                drive("f1").failsOn(29).days(0, 29, 0.1).probability(22, 0.6).probability(25, 0.8).rule(28).delta(27).build(),
                drive("f2").failsOn(20).days(0, 20, 0.3).probability(5, 0.9).rule(3, 15).delta(16).build(),
                drive("f3").failsOn(15).days(0, 15, 0.2).probability(2, 0.7).probability(14, 0.55).build(),
                drive("h1").days(0, 29, 0.2).rule(20).build(),
                drive("h2").days(0, 29, 0.2).probability(10, 0.6).rule(12).delta(12).build(),
                drive("h3").days(0, 29, 0.2).probability(3, 0.45).build(),
                drive("h4").days(0, 12, 0.1).rule(1).build(),
                drive("h5").days(0, 29, 0.05).probability(7, 0.5).build());
    }
}
