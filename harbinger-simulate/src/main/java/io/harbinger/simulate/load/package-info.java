/**
 * The load tester: the simulated fleet's telemetry offered open-loop at a rate that follows a
 * {@link io.harbinger.simulate.load.LoadProfile} (steady, surge, ramp), every request's latency taken
 * from the instant it was due (no coordinated omission), and at the end every acknowledged sample
 * reconciled with what storage holds, host by host ({@link io.harbinger.simulate.load.LoadRun}).
 */
package io.harbinger.simulate.load;
