/**
 * Honest drive-level evaluation of a failure predictor against the classic SMART rule, and its
 * report (Markdown) and plot (SVG).
 *
 * <p>Everything here is pure: values in, values out. The report and the plot are returned as
 * Strings; the caller writes them. No clock, no I/O, nothing beyond the JDK.
 *
 * <p>Entry points: {@link io.harbinger.predict.eval.Evaluation#of}, {@link
 * io.harbinger.predict.eval.Thresholds#forFalseAlarmRate}, {@link
 * io.harbinger.predict.eval.EvaluationReport#markdown} and {@link
 * io.harbinger.predict.eval.EvaluationPlot#svg}. The definitions of every figure are on {@link
 * io.harbinger.predict.eval.Evaluation}.
 */
package io.harbinger.predict.eval;
