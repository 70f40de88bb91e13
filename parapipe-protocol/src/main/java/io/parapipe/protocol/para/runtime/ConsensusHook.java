package io.parapipe.protocol.para.runtime;

/**
 * parachain-system's {@code ConsensusHook}, called from {@code set_validation_data} with the
 * relay chain state proof; it may panic when its consensus rules are not met, and returns the
 * unincluded segment capacity. Also answers the runtime side of {@code can_build_upon}.
 */
public sealed interface ConsensusHook
    permits ConsensusHook.ExpectParentIncluded, ConsensusHook.FixedCapacityUnincludedSegment,
        FixedVelocityConsensusHook {

  /**
   * {@code on_state_proof}.
   *
   * @param relaySlot the relay chain slot read from the proof ({@code CURRENT_SLOT})
   * @param paraSlot {@code pallet_aura::CurrentSlot}, already set for this block
   * @param paraSlotDurationMs {@code pallet_aura::slot_duration()}
   * @param auraExt aura-ext storage before the hook
   * @return the capacity and aura-ext storage after the hook
   * @throws RuntimePanicException when the hook's rules are violated
   */
  HookOutcome onStateProof(long relaySlot, long paraSlot, long paraSlotDurationMs, AuraExtState auraExt);

  /**
   * The runtime side of {@code AuraUnincludedSegmentApi::can_build_upon}, evaluated on the parent's
   * state.
   *
   * @param auraExt aura-ext storage at the parent
   * @param sizeAfterIncluded {@code unincluded_segment_size_after(included_hash)} at the parent
   * @param slot the slot the client passes (para slot for API v1, relay slot for v2)
   */
  boolean canBuildUpon(AuraExtState auraExt, int sizeAfterIncluded, long slot);

  /** The hook a configuration wires in. */
  static ConsensusHook of(ParachainRuntimeConfig c) {
    return switch (c.consensusHook()) {
      case EXPECT_PARENT_INCLUDED -> new ExpectParentIncluded();
      case FIXED_CAPACITY -> new FixedCapacityUnincludedSegment(c.capacity());
      case FIXED_VELOCITY -> new FixedVelocityConsensusHook(
          c.auraExtRevision(), c.relaySlotDurationMs(), c.velocity(), c.capacity());
    };
  }

  /**
   * {@code ExpectParentIncluded}: sync backing. Returns {@code ExpectParentIncluded}; never panics
   * itself (the parent check happens in {@code maybe_drop_included_ancestors}).
   */
  record ExpectParentIncluded() implements ConsensusHook {
    @Override
    public HookOutcome onStateProof(long relaySlot, long paraSlot, long paraSlotDurationMs, AuraExtState auraExt) {
      return new HookOutcome(UnincludedSegmentCapacity.expectParentIncluded(), auraExt);
    }

    /**
     * Upstream has no {@code can_build_upon} for this hook; parapipe answers as a backlog of one:
     * only when nothing is unincluded after the included block.
     */
    @Override
    public boolean canBuildUpon(AuraExtState auraExt, int sizeAfterIncluded, long slot) {
      return sizeAfterIncluded < 1;
    }
  }

  /**
   * {@code FixedCapacityUnincludedSegment<N>}: returns {@code Value(max(N, 1))}, no other rule.
   *
   * @param capacity N
   */
  record FixedCapacityUnincludedSegment(int capacity) implements ConsensusHook {
    @Override
    public HookOutcome onStateProof(long relaySlot, long paraSlot, long paraSlotDurationMs, AuraExtState auraExt) {
      return new HookOutcome(UnincludedSegmentCapacity.of(Math.max(capacity, 1)), auraExt);
    }

    /** Upstream has no {@code can_build_upon} for this hook; parapipe answers by capacity alone. */
    @Override
    public boolean canBuildUpon(AuraExtState auraExt, int sizeAfterIncluded, long slot) {
      return sizeAfterIncluded < Math.max(capacity, 1);
    }
  }
}
