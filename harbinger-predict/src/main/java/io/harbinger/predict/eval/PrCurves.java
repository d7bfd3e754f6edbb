package io.harbinger.predict.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The drive-level precision-recall curve and its average precision (see {@link Evaluation}). */
final class PrCurves {
    private PrCurves() {
    }

    private record Scored(double score, boolean failed) {
    }

    /** One point per distinct drive score, highest threshold first. */
    static List<PrPoint> curve(List<DriveScores> drives, int horizonDays) {
        int positives = (int) drives.stream().filter(DriveScores::hasFailed).count();
        int negatives = drives.size() - positives;
        List<Scored> scored = drives.stream()
                .map(d -> new Scored(DriveLevel.score(d, horizonDays), d.hasFailed()))
                .filter(s -> s.score() != Double.NEGATIVE_INFINITY)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .toList();
        List<PrPoint> points = new ArrayList<>();
        int tp = 0, fp = 0;
        for (int i = 0; i < scored.size(); i++) {
            if (scored.get(i).failed()) tp++; else fp++;
            boolean lastOfTie = i + 1 == scored.size() || scored.get(i + 1).score() != scored.get(i).score();
            if (lastOfTie) points.add(point(scored.get(i).score(), tp, fp, positives, negatives));
        }
        return List.copyOf(points);
    }

    /**
     * Average precision: the sum over the points of (the recall gained there) times (the precision there).
     * Equal scores form one point, so tied positives all get the precision of their group.
     * Failed drives no threshold flags contribute 0. {@code NaN} when there is no failed drive.
     */
    static double averagePrecision(List<PrPoint> curve, int positives) {
        if (positives == 0) return Double.NaN;
        double sum = 0;
        int previousTp = 0;
        for (PrPoint p : curve) {
            sum += (p.truePositives() - previousTp) * p.precision();
            previousTp = p.truePositives();
        }
        return sum / positives;
    }

    /**
     * The model at the lowest threshold of {@code curve} with at most {@code maxFalseAlarms} false alarms
     * (false alarms only grow as the threshold falls, so that point recalls the most within the budget).
     */
    static OperatingPoint withinFalseAlarms(List<PrPoint> curve, int maxFalseAlarms, int failed, int healthy) {
        PrPoint chosen = null;
        for (PrPoint p : curve) {
            if (p.falsePositives() > maxFalseAlarms) break;
            chosen = p;
        }
        if (chosen == null) return new OperatingPoint(Double.POSITIVE_INFINITY, maxFalseAlarms, 0, 0, Metrics.ratio(0, failed), Metrics.ratio(0, healthy));
        return new OperatingPoint(chosen.threshold(), maxFalseAlarms, chosen.truePositives(), chosen.falsePositives(), chosen.recall(), chosen.falseAlarmRate());
    }

    private static PrPoint point(double threshold, int tp, int fp, int positives, int negatives) {
        return new PrPoint(threshold, tp, fp, Metrics.ratio(tp, positives), (double) tp / (tp + fp), Metrics.ratio(fp, negatives));
    }
}
