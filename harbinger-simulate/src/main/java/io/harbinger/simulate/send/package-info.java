/**
 * A simulated fleet sending to a running node over its HTTP ingest
 * ({@link io.harbinger.simulate.send.FleetSimulation}), or written as Backblaze daily files
 * ({@link io.harbinger.simulate.send.CsvFolder}).
 */
package io.harbinger.simulate.send;
