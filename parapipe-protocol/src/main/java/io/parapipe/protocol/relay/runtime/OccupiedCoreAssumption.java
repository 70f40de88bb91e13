package io.parapipe.protocol.relay.runtime;

/**
 * {@code OccupiedCoreAssumption}: what to assume about a para's candidates pending availability
 * when answering {@code persisted_validation_data} and {@code validation_code_hash}.
 */
public enum OccupiedCoreAssumption {
  /** {@code Included}: the pending candidates were all enacted (upstream {@code force_enact}). */
  INCLUDED,
  /** {@code TimedOut}: the pending candidates were dropped; answer from the included head. */
  TIMED_OUT,
  /** {@code Free}: answer only if nothing is pending for the para. */
  FREE
}
