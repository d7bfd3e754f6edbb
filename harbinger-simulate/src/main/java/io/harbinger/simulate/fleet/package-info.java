/**
 * The simulated fleet: the fitted {@link io.harbinger.simulate.fleet.FleetParameters} (and their
 * deterministic file, {@link io.harbinger.simulate.fleet.ParametersFile}), and the pure, seeded
 * {@link io.harbinger.simulate.fleet.FleetGenerator} that turns them into daily SMART readings.
 */
package io.harbinger.simulate.fleet;
