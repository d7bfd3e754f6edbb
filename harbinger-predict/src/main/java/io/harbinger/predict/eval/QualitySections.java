package io.harbinger.predict.eval;

import static io.harbinger.predict.eval.Format.rate;

/** The report's sections on what the buckets and probabilities mean and on the counters' ceiling. */
final class QualitySections {
    private QualitySections() {
    }

    static void reliability(StringBuilder md, Reliability r) {
        md.append("## Reliability of the buckets (drive-days)\n\n");
        md.append("| bucket | failed within (days) | drive-days | drives | censored days | judged days | mean probability | failed within | observed share |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BucketRow b : r.buckets()) {
            md.append("| ").append(b.bucket().label()).append(" | ").append(b.withinDays()).append(" | ").append(b.observed().driveDays())
                    .append(" | ").append(b.drives());
            observed(md, b.observed());
        }
        md.append('\n');
    }

    static void calibration(StringBuilder md, Reliability r) {
        md.append("## Calibration (probability against failure within ").append(r.horizonDays()).append(" days, drive-days)\n\n");
        md.append("| probability | drive-days | censored days | judged days | mean probability | failed within | observed share |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (CalibrationBin b : r.calibration()) {
            md.append("| ").append(b.label()).append(" | ").append(b.observed().driveDays());
            observed(md, b.observed());
        }
        md.append('\n');
    }

    /** The columns from censored days on. */
    private static void observed(StringBuilder md, Observed o) {
        md.append(" | ").append(o.censoredDays()).append(" | ").append(o.judgedDays()).append(" | ").append(rate(o.meanProbability()))
                .append(" | ").append(o.failedWithin()).append(" | ").append(rate(o.share())).append(" |\n");
    }

    static void ceiling(StringBuilder md, Ceiling c, Evaluation e) {
        md.append("## Ceiling: failed drives with a counter signal\n\n");
        md.append("| window (days before failure) | failed | counter > 0 | counter grew | either | neither | neither, share | of them without a scored day |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CeilingRow w : c.windows()) {
            md.append("| ").append(w.windowDays()).append(" | ").append(w.failed()).append(" | ").append(w.nonZeroCounter()).append(" | ")
                    .append(w.counterGrowth()).append(" | ").append(w.anySignal()).append(" | ").append(w.noSignal()).append(" | ")
                    .append(rate(w.noSignalShare())).append(" | ").append(w.noScoredDay()).append(" |\n");
        }
        md.append("\n- Model recall ").append(rate(e.model().recall())).append(" against ").append(rate(c.horizon().anySignalShare()))
                .append(", the share of failed drives with any counter signal in their window (the most a predictor over these counters can be expected to recall).\n\n");
    }
}
