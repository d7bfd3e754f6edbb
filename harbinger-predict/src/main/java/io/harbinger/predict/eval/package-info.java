/**
 * Honest drive-level evaluation of a failure predictor against two baselines, the classic SMART rule
 * and the delta rule, with 95% bootstrap intervals, the reliability of the buckets, the calibration of
 * the probability and the counters' ceiling; and its report (Markdown) and plot (SVG).
 *
 * <p>Everything here is pure: values in, values out. The report and the plot are returned as
 * Strings; the caller writes them. No clock, no I/O, nothing beyond the JDK and the schema's
 * {@link io.harbinger.schema.prediction.Bucket}.
 *
 * <p>Entry points: {@link io.harbinger.predict.eval.Evaluation#of}, {@link
 * io.harbinger.predict.eval.Thresholds#forFalseAlarmRate}, {@link
 * io.harbinger.predict.eval.Bootstrap#intervals}, {@link io.harbinger.predict.eval.Reliability#of},
 * {@link io.harbinger.predict.eval.Ceiling#of}, {@link io.harbinger.predict.eval.Findings#of} (all of
 * them at once), {@link io.harbinger.predict.eval.EvaluationReport#markdown} and {@link
 * io.harbinger.predict.eval.EvaluationPlot#svg}. The definitions of the point figures are on {@link
 * io.harbinger.predict.eval.Evaluation}, of the intervals on {@link io.harbinger.predict.eval.Bootstrap}.
 */
package io.harbinger.predict.eval;
