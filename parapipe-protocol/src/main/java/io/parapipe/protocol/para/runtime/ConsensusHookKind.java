package io.parapipe.protocol.para.runtime;

/** Which {@code ConsensusHook} parachain-system is configured with. */
public enum ConsensusHookKind {
  /** {@code ExpectParentIncluded}: sync backing; also what runtimes without the type behave as. */
  EXPECT_PARENT_INCLUDED,
  /** {@code FixedCapacityUnincludedSegment<C>}: capacity only, no velocity check. */
  FIXED_CAPACITY,
  /** aura-ext {@code FixedVelocityConsensusHook<T, RELAY_MS, V, C>} in the configured revision. */
  FIXED_VELOCITY
}
