package io.harbinger.simulate.load;

import io.harbinger.core.text.Svg;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A load test's result as text (the summary), CSV (one row per second) and SVG (rates, latency and lag over time). Pure. */
public final class LoadReport {
    private static final int WIDTH = 960, LEFT = 80, PLOT_WIDTH = 820, PANEL = 200, GAP = 60, TOP = 40;

    private LoadReport() {
    }

    public static String summary(LoadRun.Result r) {
        StringBuilder out = new StringBuilder();
        line(out, "profile %s, hosts %s*, started %s", r.profile().name(), r.hostPrefix(), r.started());
        line(out, "sent for %.1f s: %s samples offered, %s acknowledged (%.1f%%), %s of %s requests acknowledged",
                r.sendSeconds(), count(r.offered()), count(r.ackedSamples()), 100.0 * r.ackedSamples() / Math.max(1, r.offered()),
                count(r.ackedRequests()), count(r.requests()));
        line(out, "acknowledged rate %s samples/s over the offered span", count(r.ackedSamples() / Math.max(1e-9, Math.min(r.sendSeconds(),
                r.profile().lengthNanos() / 1e9))));
        double span = Math.min(r.sendSeconds(), r.profile().lengthNanos() / 1e9);
        if (r.reconciliation().complete()) {
            line(out, "end to end: %s samples/s stored (every acknowledged sample stored %.1f s after the start)",
                    count(r.ackedSamples() / Math.max(1e-9, span + r.drainSeconds())), span + r.drainSeconds());
        }
        Histogram h = r.ackLatencyMicros();
        line(out, "ack latency from due time (ms): p50 %s  p90 %s  p99 %s  p99.9 %s  max %s", ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9),
                h.getTotalCount() == 0 ? "-" : fixed(h.getMaxValue() / 1000.0));
        Histogram a = r.answerMicros();
        line(out, "answer time per attempt (ms, any status): p50 %s  p99 %s  max %s", ms(a, 50), ms(a, 99), ms(a, 100));
        line(out, "answers: 429 %d, 503 %d, other 5xx %d, connection errors %d, client timeouts (%d s) %d, refused (4xx) %d, given up %d%s",
                r.refusals429(), r.unavailable503(), r.serverErrors(), r.connectionErrors(), LoadRun.REQUEST_TIMEOUT.toSeconds(), r.timeouts(),
                r.otherRefusals(), r.givenUp(), r.firstRefusal() == null ? "" : " — first refusal " + r.firstRefusal());
        for (LoadRun.StepResult s : r.steps()) {
            line(out, "  %-9s %9s samples/s offered: %s acknowledged of %s, %d of %d requests refused at least once, p99 %s ms; %s stored, processor lag %s -> %s%s",
                    s.phase(), count(s.rate()), count(s.acked()), count(s.offered()), s.refused(), s.requests(), fixed(s.p99Millis()),
                    Double.isNaN(s.stored()) ? "-" : count(s.stored()), count(s.lagBefore()), count(s.lagAfter()),
                    r.profile().name().equals("ramp") ? (s.keptUp() ? "  kept up" : "  did not keep up") : "");
        }
        if (r.profile().name().equals("ramp")) {
            line(out, "capacity: %s", r.capacity() == null ? "below the first step" : count(r.capacity()) + " samples/s (the last step that kept up)");
        }
        LoadRun.Reconciliation c = r.reconciliation();
        line(out, "reconciled over %d hosts: smart %s stored of %s acknowledged, host metrics %s of %s; %s", c.hosts(), count(c.storedSmart()),
                count(c.ackedSmart()), count(c.storedMetrics()), count(c.ackedMetrics()),
                c.complete() ? "every acknowledged sample is stored" : c.lost() + " acknowledged samples NOT stored: " + String.join(", ", c.shortHosts()));
        if (c.beyondSent() > 0) line(out, "  %d rows stored beyond what was sent (should be none)", c.beyondSent());
        line(out, "drain: every acknowledged sample stored %.1f s after the offered load ended; pipeline idle (processor lag 0, loaders done) after %s", r.drainSeconds(),
                Double.isNaN(r.lagDrainSeconds()) ? "(not seen)" : fixed(r.lagDrainSeconds()) + " s");
        line(out, "sample -> prediction stored (ms, %d records with predictions): p50 %s  p99 %s; %s predictions stored for the run's hosts",
                r.predictionsObserved(), fixed(r.predictionP50Millis()), fixed(r.predictionP99Millis()), count(c.predictions()));
        return out.toString();
    }

    public static String csv(List<LoadRun.Tick> ticks) {
        StringBuilder out = new StringBuilder("second,phase,offered,acked,stored,refused_429,errors,p50_ms,p99_ms,max_ms,processor_lag,loader_lag\n");
        for (LoadRun.Tick t : ticks) {
            out.append(String.format(Locale.ROOT, "%d,%s,%.0f,%d,%s,%d,%d,%s,%s,%s,%.0f,%.0f%n", t.second(), t.phase(), t.offered(), t.acked(), cell(t.stored()), t.refusals429(),
                    t.errors(), cell(t.p50Millis()), cell(t.p99Millis()), cell(t.maxMillis()), t.processorLag(), t.loaderLag()));
        }
        return out.toString();
    }

    /** Three panels over the run's seconds: offered, acknowledged and stored samples/s with 429s/s; ack latency p50 and p99; processor and loader lag. */
    public static String svg(LoadRun.Result r) {
        List<LoadRun.Tick> ticks = r.ticks();
        Svg svg = new Svg(WIDTH, TOP + 3 * (PANEL + GAP), "Harbinger load test: " + r.profile().name());
        panel(svg, 0, ticks, "samples per second", List.of(new Series("offered", "#7f7f7f", LoadRun.Tick::offered),
                new Series("acknowledged", "#1f77b4", t -> t.acked()), new Series("stored", "#17becf", LoadRun.Tick::stored),
                new Series("429s (requests)", "#d62728", t -> t.refusals429())));
        panel(svg, 1, ticks, "ack latency from due time, ms", List.of(new Series("p50", "#2ca02c", LoadRun.Tick::p50Millis),
                new Series("p99", "#ff7f0e", LoadRun.Tick::p99Millis)));
        panel(svg, 2, ticks, "lag, records", List.of(new Series("processor", "#9467bd", LoadRun.Tick::processorLag),
                new Series("loaders", "#8c564b", LoadRun.Tick::loaderLag)));
        return svg.end();
    }

    private record Series(String name, String colour, ToDoubleFunction<LoadRun.Tick> value) {
    }

    private static void panel(Svg svg, int index, List<LoadRun.Tick> ticks, String title, List<Series> series) {
        double top = TOP + index * (PANEL + GAP);
        double bottom = top + PANEL;
        double max = 0;
        for (Series s : series) for (LoadRun.Tick t : ticks) max = Math.max(max, finite(s.value().applyAsDouble(t)));
        max = max <= 0 ? 1 : niceCeiling(max);
        int seconds = Math.max(1, ticks.size());
        svg.text(LEFT, top - 10, title, "start", 0, "title");
        svg.line(LEFT, bottom, LEFT + PLOT_WIDTH, bottom, "#333333").line(LEFT, top, LEFT, bottom, "#333333");
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4, y = bottom - PANEL * i / 4.0;
            svg.line(LEFT - 5, y, LEFT, y, "#333333").text(LEFT - 8, y + 4, label(v), "end", 0, "tick");
        }
        for (int i = 0; i <= 5; i++) {
            double x = LEFT + PLOT_WIDTH * i / 5.0;
            svg.line(x, bottom, x, bottom + 5, "#333333").text(x, bottom + 18, (seconds * i / 5) + " s", "middle", 0, "tick");
        }
        double legendX = LEFT + PLOT_WIDTH;
        for (int k = series.size() - 1; k >= 0; k--) {
            Series s = series.get(k);
            List<double[]> points = new ArrayList<>();
            for (LoadRun.Tick t : ticks) {
                double v = s.value().applyAsDouble(t);
                if (!Double.isFinite(v)) continue;
                points.add(new double[] {LEFT + PLOT_WIDTH * (t.second() - 0.5) / seconds, bottom - PANEL * Math.min(v, max) / max});
            }
            if (points.size() >= 2) svg.polyline(points, s.colour(), "series");
            svg.text(legendX, top - 10, s.name(), "end", 0, "legend").rect(legendX - 12 - 7.5 * s.name().length() - 14, top - 19, 10, 10, s.colour(), "key");
            legendX -= 7.5 * s.name().length() + 40;
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * magnitude >= v) return m * magnitude;
        return 10 * magnitude;
    }

    private static String label(double v) {
        return v >= 10_000 ? String.format(Locale.ROOT, "%.0fk", v / 1000) : v >= 1000 ? String.format(Locale.ROOT, "%.1fk", v / 1000)
                : String.format(Locale.ROOT, v >= 10 || v == 0 ? "%.0f" : "%.1f", v);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String count(double v) {
        return v >= 1e6 ? String.format(Locale.ROOT, "%.2fM", v / 1e6) : v >= 1e4 ? String.format(Locale.ROOT, "%.1fk", v / 1e3)
                : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : fixed(h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String fixed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v) : "-";
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "";
    }
}
