/**
 * Parameter sweeps: a scenario run at every point of a grid of scenario keys and for several
 * seeds, on embedded Hazelcast members (every local core by default, a cluster when asked), with
 * the sweep's table and report. docs/sweep.md describes the command and the engine choice.
 */
package io.parapipe.sweep;
