package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Format.rate;

import io.harbinger.core.text.Svg;

import java.util.List;

/**
 * The evaluation as one self-contained SVG (no script, no external reference): on the left the
 * drive-level PR curve with the model's operating point and the SMART rule's and delta rule's points, on the right the
 * lead-time histogram of the recalled drives, model and rule side by side. Returns the text; the caller writes it.
 */
public final class EvaluationPlot {
    static final String MODEL_COLOUR = "#1f77b4";
    static final String RULE_COLOUR = "#d62728";
    static final String DELTA_COLOUR = "#2ca02c";
    private static final String AXIS = "#333333";
    private static final int WIDTH = 960, HEIGHT = 440, TOP = 50, PLOT_HEIGHT = 320, PLOT_WIDTH = 360;
    private static final int PR_LEFT = 70, HISTOGRAM_LEFT = 560;

    private EvaluationPlot() {
    }

    public static String svg(Evaluation e) {
        return svg(e, "Harbinger drive-level evaluation");
    }

    /** {@code title} becomes the SVG's {@code <title>} (escaped). */
    public static String svg(Evaluation e, String title) {
        if (e == null || title == null) throw new IllegalArgumentException("evaluation and title must be non-null");
        Svg svg = new Svg(WIDTH, HEIGHT, title);
        prPanel(svg, e);
        histogramPanel(svg, e);
        return svg.end();
    }

    private static void prPanel(Svg svg, Evaluation e) {
        svg.text(PR_LEFT + PLOT_WIDTH / 2.0, TOP - 20, "Drive-level precision-recall (PR-AUC " + rate(e.prAuc()) + ")", "middle", 0, "title");
        for (int i = 0; i <= 5; i++) {
            double v = i / 5.0;
            svg.line(prX(v), bottom(), prX(v), bottom() + 5, AXIS).text(prX(v), bottom() + 18, Format.fixed(v, 1), "middle", 0, "tick");
            svg.line(PR_LEFT - 5, prY(v), PR_LEFT, prY(v), AXIS).text(PR_LEFT - 8, prY(v) + 4, Format.fixed(v, 1), "end", 0, "tick");
        }
        axes(svg, PR_LEFT, "recall", "precision");
        List<double[]> points = e.prCurve().stream().filter(p -> Double.isFinite(p.recall()))
                .map(p -> new double[] {prX(p.recall()), prY(p.precision())}).toList();
        if (points.isEmpty()) svg.text(PR_LEFT + PLOT_WIDTH / 2.0, TOP + PLOT_HEIGHT / 2.0, "no failed drive: no curve", "middle", 0, "empty");
        else svg.polyline(points, MODEL_COLOUR, "pr-curve");
        marker(svg, e.model(), MODEL_COLOUR, "model-point", "model @ " + rate(e.threshold()));
        marker(svg, e.rule(), RULE_COLOUR, "rule-point", "SMART rule");
        marker(svg, e.deltaRule(), DELTA_COLOUR, "delta-point", "delta rule");
    }

    /** A point where the predictor's recall and precision are both defined, labelled beside it. */
    private static void marker(Svg svg, Metrics m, String colour, String cssClass, String label) {
        if (!Double.isFinite(m.recall()) || !Double.isFinite(m.precision())) return;
        double x = prX(m.recall()), y = prY(m.precision());
        if (cssClass.equals("model-point")) svg.circle(x, y, 6, colour, cssClass);
        else svg.rect(x - 5, y - 5, 10, 10, colour, cssClass);
        boolean nearRight = m.recall() > 0.7;
        svg.text(nearRight ? x - 10 : x + 10, y - 10, label + " (" + Format.fixed(m.recall(), 2) + ", " + Format.fixed(m.precision(), 2) + ")",
                nearRight ? "end" : "start", 0, cssClass + "-label");
    }

    private static void histogramPanel(Svg svg, Evaluation e) {
        List<LeadTimeBin> model = e.model().leadTimes().histogram(), rule = e.rule().leadTimes().histogram();
        int yMax = niceMax(Math.max(maxCount(model), maxCount(rule)));
        double slot = (double) PLOT_WIDTH / model.size();
        svg.text(HISTOGRAM_LEFT + PLOT_WIDTH / 2.0, TOP - 20, "Lead time of recalled drives", "middle", 0, "title");
        for (int i = 0; i < model.size(); i++) {
            double x = HISTOGRAM_LEFT + i * slot;
            bar(svg, x + slot * 0.1, slot * 0.4, model.get(i).count(), yMax, MODEL_COLOUR, "bar model");
            bar(svg, x + slot * 0.5, slot * 0.4, rule.get(i).count(), yMax, RULE_COLOUR, "bar rule");
            svg.text(x + slot / 2, bottom() + 18, model.get(i).label(), "middle", 0, "tick");
        }
        int step = yMax / 5;
        for (int c = 0; c <= yMax; c += step) {
            double y = bottom() - (double) c / yMax * PLOT_HEIGHT;
            svg.line(HISTOGRAM_LEFT - 5, y, HISTOGRAM_LEFT, y, AXIS).text(HISTOGRAM_LEFT - 8, y + 4, Integer.toString(c), "end", 0, "tick");
        }
        axes(svg, HISTOGRAM_LEFT, "lead time (days before failure)", "recalled drives");
        legend(svg);
    }

    private static void bar(Svg svg, double x, double width, int count, int yMax, String colour, String cssClass) {
        double height = (double) count / yMax * PLOT_HEIGHT;
        svg.rect(x, bottom() - height, width, height, colour, cssClass);
    }

    private static void legend(Svg svg) {
        double x = HISTOGRAM_LEFT + PLOT_WIDTH - 110;
        svg.rect(x, TOP + 5, 12, 12, MODEL_COLOUR, "legend").text(x + 18, TOP + 15, "model", "start", 0, "legend");
        svg.rect(x, TOP + 23, 12, 12, RULE_COLOUR, "legend").text(x + 18, TOP + 33, "SMART rule", "start", 0, "legend");
    }

    private static void axes(Svg svg, int left, String xLabel, String yLabel) {
        svg.line(left, bottom(), left + PLOT_WIDTH, bottom(), AXIS).line(left, TOP, left, bottom(), AXIS);
        svg.text(left + PLOT_WIDTH / 2.0, bottom() + 40, xLabel, "middle", 0, "axis-label");
        svg.text(left - 45, TOP + PLOT_HEIGHT / 2.0, yLabel, "middle", -90, "axis-label");
    }

    /** The smallest multiple of 5 steps of a whole number that reaches {@code max} (at least 5). */
    static int niceMax(int max) {
        int step = Math.max(1, (max + 4) / 5);
        return step * 5;
    }

    private static int maxCount(List<LeadTimeBin> bins) {
        return bins.stream().mapToInt(LeadTimeBin::count).max().orElse(0);
    }

    private static double prX(double recall) {
        return PR_LEFT + recall * PLOT_WIDTH;
    }

    private static double prY(double precision) {
        return bottom() - precision * PLOT_HEIGHT;
    }

    private static double bottom() {
        return TOP + PLOT_HEIGHT;
    }
}
