package io.harbinger.predict.eval;

/** The figures the bootstrap recomputes in every resample, in the order of {@link FleetFacts#figures}. */
enum Figure {
    MODEL_RECALL, MODEL_FALSE_ALARM_RATE, MODEL_PRECISION, MODEL_MEDIAN_LEAD_TIME,
    RULE_RECALL, RULE_FALSE_ALARM_RATE, RULE_PRECISION, RULE_MEDIAN_LEAD_TIME,
    DELTA_RECALL, DELTA_FALSE_ALARM_RATE, DELTA_PRECISION, DELTA_MEDIAN_LEAD_TIME,
    MODEL_RECALL_AT_RULE_FALSE_ALARM_RATE, MODEL_RECALL_AT_DELTA_FALSE_ALARM_RATE, RECALL_GAIN_OVER_DELTA_RULE;

    static final int COUNT = values().length;
}
