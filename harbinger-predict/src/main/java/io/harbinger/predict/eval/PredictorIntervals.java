package io.harbinger.predict.eval;

/** The 95% bootstrap intervals of one predictor's headline figures (see {@link Metrics}). */
public record PredictorIntervals(Interval recall, Interval falseAlarmRate, Interval precision, Interval medianLeadTime) {
    public PredictorIntervals {
        if (recall == null || falseAlarmRate == null || precision == null || medianLeadTime == null) {
            throw new IllegalArgumentException("every interval must be non-null");
        }
    }
}
