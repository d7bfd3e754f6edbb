/**
 * Fitting the fleet simulator from real data: {@link io.harbinger.simulate.fit.FleetFit} is pure over
 * drive-days; {@link io.harbinger.simulate.fit.BackblazeFolder} reads a folder of Backblaze daily CSVs with
 * the ingest's own parser; {@link io.harbinger.simulate.fit.FitFleet} is {@code harbinger fit-fleet}'s work.
 */
package io.harbinger.simulate.fit;
