package io.harbinger.predict.eval;

/**
 * The 95% bootstrap intervals of an {@link Evaluation}'s figures (see {@link Bootstrap}).
 *
 * @param resamples                       the number of resamples B
 * @param seed                            the seed of the resampling, so that a report can be reproduced
 * @param model                           the model at its threshold
 * @param rule                            the SMART rule
 * @param deltaRule                       the delta rule
 * @param modelRecallAtRuleFalseAlarmRate the model's recall at the SMART rule's false-alarm rate, both
 *                                        recomputed in each resample
 * @param modelRecallAtDeltaFalseAlarmRate the model's recall at the delta rule's false-alarm rate, both
 *                                        recomputed in each resample
 * @param recallGainOverDeltaRule         within each resample, the model's recall at the delta rule's
 *                                        false-alarm rate minus the delta rule's recall
 */
public record Intervals(int resamples, long seed, PredictorIntervals model, PredictorIntervals rule, PredictorIntervals deltaRule,
                        Interval modelRecallAtRuleFalseAlarmRate, Interval modelRecallAtDeltaFalseAlarmRate, Interval recallGainOverDeltaRule) {
    public Intervals {
        if (resamples < 1) throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        if (model == null || rule == null || deltaRule == null || modelRecallAtRuleFalseAlarmRate == null
                || modelRecallAtDeltaFalseAlarmRate == null || recallGainOverDeltaRule == null) {
            throw new IllegalArgumentException("every interval must be non-null");
        }
    }
}
