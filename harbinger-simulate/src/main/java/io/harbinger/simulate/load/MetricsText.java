package io.harbinger.simulate.load;

import io.harbinger.core.stats.BucketQuantile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A scrape of a node's {@code GET /metrics} (Prometheus text format 0.0.4), read for what a load test
 * follows: sums of a metric over its series, and a histogram's cumulative buckets summed over series.
 * Pure; lines it does not understand are skipped.
 */
public final class MetricsText {
    /** One sample line: name, labels, value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private MetricsText(List<Sample> samples) {
        this.samples = samples;
    }

    public static MetricsText parse(String text) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            Sample s = sample(line);
            if (s != null) out.add(s);
        }
        return new MetricsText(out);
    }

    /** Several nodes' scrapes as one: their samples side by side (sums and buckets add up). */
    public static MetricsText of(List<MetricsText> scrapes) {
        List<Sample> all = new ArrayList<>();
        for (MetricsText m : scrapes) all.addAll(m.samples);
        return new MetricsText(all);
    }

    /** The sum of {@code name} over the series whose labels pass {@code labels}; 0 when there is none. */
    public double sum(String name, Predicate<Map<String, String>> labels) {
        double sum = 0;
        for (Sample s : samples) if (s.name.equals(name) && labels.test(s.labels) && Double.isFinite(s.value)) sum += s.value;
        return sum;
    }

    public boolean has(String name) {
        for (Sample s : samples) if (s.name.equals(name)) return true;
        return false;
    }

    /** Histogram {@code base}'s cumulative counts by upper bound ({@code +Inf} as infinity), summed over the series that pass. */
    public Buckets buckets(String base, Predicate<Map<String, String>> labels) {
        TreeMap<Double, Double> counts = new TreeMap<>();
        for (Sample s : samples) {
            if (!s.name.equals(base + "_bucket") || !labels.test(s.labels)) continue;
            String le = s.labels.get("le");
            if (le == null) continue;
            double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            counts.merge(bound, s.value, Double::sum);
        }
        return new Buckets(counts);
    }

    /** Cumulative bucket counts; the difference of two scrapes is what was observed between them. */
    public record Buckets(TreeMap<Double, Double> cumulative) {
        public double count() {
            return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        }

        public Buckets since(Buckets earlier) {
            TreeMap<Double, Double> d = new TreeMap<>();
            cumulative.forEach((le, n) -> d.put(le, Math.max(0, n - earlier.cumulative.getOrDefault(le, 0.0))));
            return new Buckets(d);
        }

        /** The {@code q} quantile ({@link BucketQuantile}: the largest finite bound when it lies in {@code +Inf}); NaN with nothing observed. */
        public double quantile(double q) {
            double[] bounds = cumulative.keySet().stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).toArray();
            double[] counts = new double[bounds.length];
            for (int i = 0; i < bounds.length; i++) counts[i] = cumulative.get(bounds[i]);
            return BucketQuantile.of(q, bounds, counts, count());
        }
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space;
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        if (brace >= 0 && brace < line.indexOf(' ')) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (i < line.length() && line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') return null;
                String key = line.substring(i, eq).trim();
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\' && j + 1 < line.length()) {
                        char n = line.charAt(++j);
                        value.append(n == 'n' ? '\n' : n);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') i++;
            }
            space = line.indexOf(' ', i);
        } else {
            space = line.indexOf(' ');
            if (space < 0) return null;
            name = line.substring(0, space);
        }
        if (space < 0) return null;
        String rest = line.substring(space + 1).trim();
        int end = rest.indexOf(' ');
        String v = end < 0 ? rest : rest.substring(0, end);
        try {
            double value = switch (v) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(v);
            };
            return new Sample(name, labels, value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
