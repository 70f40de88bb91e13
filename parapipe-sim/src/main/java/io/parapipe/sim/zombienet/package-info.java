/**
 * Reads zombienet network definitions (the TOML or JSON files zombienet spawns networks from) into
 * scenarios: relay-chain validators, parachains with their collators, and the host configuration
 * of the relay chain's genesis patch. docs/zombienet.md lists what is read and what is ignored.
 */
package io.parapipe.sim.zombienet;
