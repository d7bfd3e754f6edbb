/**
 * Explanations a person reads, from what was observed: the facts behind a model prediction's top
 * features, told from the drive's own readings ({@link io.harbinger.predict.explain.Facts}: "SMART 197
 * current pending sectors 0 -> 24 in 3 days"). Pure: a drive's history and feature names in, sentences
 * out.
 */
package io.harbinger.predict.explain;
