package io.parapipe.protocol.para.runtime;

import io.parapipe.protocol.primitives.Weight;
import java.util.Objects;

/**
 * The parachain runtime's configuration: the constants of a cumulus runtime that decide block
 * production. A runtime upgrade replaces the whole record; every {@link ParachainState} carries
 * the configuration in force for blocks built on it.
 *
 * @param consensusHook parachain-system's {@code ConsensusHook}
 * @param auraExtRevision the aura-ext revision (H1/H2/H3); decides the velocity hook's rules and
 *     whether aura-ext tracks {@code SlotInfo} in {@code on_initialize} (H1)
 * @param capacity {@code UNINCLUDED_SEGMENT_CAPACITY} (C); unused by {@code ExpectParentIncluded}
 * @param velocity {@code BLOCK_PROCESSING_VELOCITY} (V); only the velocity hook uses it
 * @param relaySlotDurationMs {@code RELAY_CHAIN_SLOT_DURATION_MILLIS} given to the hook
 * @param auraSlotDurationMs {@code pallet_aura::SlotDuration} ({@code SLOT_DURATION})
 * @param allowMultipleBlocksPerSlot {@code pallet_aura::AllowMultipleBlocksPerSlot}
 * @param minimumPeriodMs {@code pallet_timestamp::MinimumPeriod}
 * @param relayNumberPolicy {@code CheckAssociatedRelayNumber}
 * @param maximumBlockRefTime {@code MAXIMUM_BLOCK_WEIGHT} ref time in picoseconds
 * @param parachainSystemRevision P1 or P2 (capacity message)
 * @param unincludedSegmentApiVersion {@code AuraUnincludedSegmentApi} version: 1 (A1, takes the
 *     para slot) or 2 (A2, takes the relay slot)
 */
public record ParachainRuntimeConfig(
    ConsensusHookKind consensusHook,
    AuraExtRevision auraExtRevision,
    int capacity,
    int velocity,
    long relaySlotDurationMs,
    long auraSlotDurationMs,
    boolean allowMultipleBlocksPerSlot,
    long minimumPeriodMs,
    RelayNumberPolicy relayNumberPolicy,
    long maximumBlockRefTime,
    ParachainSystemRevision parachainSystemRevision,
    int unincludedSegmentApiVersion) {

  /** Validates: durations positive, counters non-negative, API version 1 or 2. */
  public ParachainRuntimeConfig {
    Objects.requireNonNull(consensusHook, "consensusHook");
    Objects.requireNonNull(auraExtRevision, "auraExtRevision");
    Objects.requireNonNull(relayNumberPolicy, "relayNumberPolicy");
    Objects.requireNonNull(parachainSystemRevision, "parachainSystemRevision");
    if (capacity < 0 || velocity < 0) {
      throw new IllegalArgumentException("capacity and velocity are u32: " + capacity + ", " + velocity);
    }
    if (relaySlotDurationMs <= 0 || auraSlotDurationMs <= 0) {
      throw new IllegalArgumentException("slot durations must be positive");
    }
    if (minimumPeriodMs < 0 || maximumBlockRefTime < 0) {
      throw new IllegalArgumentException("minimum period and block weight must be non-negative");
    }
    if (unincludedSegmentApiVersion != 1 && unincludedSegmentApiVersion != 2) {
      throw new IllegalArgumentException("AuraUnincludedSegmentApi version is 1 or 2");
    }
  }

  /**
   * The 2025 parachain template (async backing): {@code FixedVelocityConsensusHook<_, 6000, 1, 3>}
   * in H2, 6 s Aura slots, multiple blocks per slot allowed, {@code MinimumPeriod = 0},
   * {@code RelayNumberMonotonicallyIncreases}, 2 s block weight, P1, API v2.
   */
  public static ParachainRuntimeConfig asyncBackingTemplate() {
    return new ParachainRuntimeConfig(ConsensusHookKind.FIXED_VELOCITY, AuraExtRevision.H2, 3, 1,
        6000, 6000, true, 0, RelayNumberPolicy.RELAY_NUMBER_MONOTONICALLY_INCREASES,
        2 * Weight.REF_TIME_PER_SECOND, ParachainSystemRevision.P1, 2);
  }

  /**
   * A pre-async-backing runtime: {@code ExpectParentIncluded}, 12 s Aura slots
   * ({@code MinimumPeriod = 6 s}, one block per slot), {@code RelayNumberStrictlyIncreases},
   * 0.5 s block weight.
   */
  public static ParachainRuntimeConfig syncBackingLegacy() {
    return new ParachainRuntimeConfig(ConsensusHookKind.EXPECT_PARENT_INCLUDED, AuraExtRevision.H2, 1, 1,
        6000, 12000, false, 6000, RelayNumberPolicy.RELAY_NUMBER_STRICTLY_INCREASES,
        Weight.REF_TIME_PER_SECOND / 2, ParachainSystemRevision.P1, 2);
  }

  /** Copy with another consensus hook kind. */
  public ParachainRuntimeConfig withConsensusHook(ConsensusHookKind v) {
    return new ParachainRuntimeConfig(v, auraExtRevision, capacity, velocity, relaySlotDurationMs,
        auraSlotDurationMs, allowMultipleBlocksPerSlot, minimumPeriodMs, relayNumberPolicy,
        maximumBlockRefTime, parachainSystemRevision, unincludedSegmentApiVersion);
  }

  /** Copy with another aura-ext revision. */
  public ParachainRuntimeConfig withAuraExtRevision(AuraExtRevision v) {
    return new ParachainRuntimeConfig(consensusHook, v, capacity, velocity, relaySlotDurationMs,
        auraSlotDurationMs, allowMultipleBlocksPerSlot, minimumPeriodMs, relayNumberPolicy,
        maximumBlockRefTime, parachainSystemRevision, unincludedSegmentApiVersion);
  }

  /** Copy with another capacity. */
  public ParachainRuntimeConfig withCapacity(int v) {
    return new ParachainRuntimeConfig(consensusHook, auraExtRevision, v, velocity, relaySlotDurationMs,
        auraSlotDurationMs, allowMultipleBlocksPerSlot, minimumPeriodMs, relayNumberPolicy,
        maximumBlockRefTime, parachainSystemRevision, unincludedSegmentApiVersion);
  }

  /** Copy with another velocity. */
  public ParachainRuntimeConfig withVelocity(int v) {
    return new ParachainRuntimeConfig(consensusHook, auraExtRevision, capacity, v, relaySlotDurationMs,
        auraSlotDurationMs, allowMultipleBlocksPerSlot, minimumPeriodMs, relayNumberPolicy,
        maximumBlockRefTime, parachainSystemRevision, unincludedSegmentApiVersion);
  }

  /** Copy with another relay slot duration given to the hook. */
  public ParachainRuntimeConfig withRelaySlotDurationMs(long v) {
    return new ParachainRuntimeConfig(consensusHook, auraExtRevision, capacity, velocity, v,
        auraSlotDurationMs, allowMultipleBlocksPerSlot, minimumPeriodMs, relayNumberPolicy,
        maximumBlockRefTime, parachainSystemRevision, unincludedSegmentApiVersion);
  }

  /** Copy with another Aura slot duration. */
  public ParachainRuntimeConfig withAuraSlotDurationMs(long v) {
    return new ParachainRuntimeConfig(consensusHook, auraExtRevision, capacity, velocity,
        relaySlotDurationMs, v, allowMultipleBlocksPerSlot, minimumPeriodMs, relayNumberPolicy,
        maximumBlockRefTime, parachainSystemRevision, unincludedSegmentApiVersion);
  }

  /** Copy with {@code AllowMultipleBlocksPerSlot} changed. */
  public ParachainRuntimeConfig withAllowMultipleBlocksPerSlot(boolean v) {
    return new ParachainRuntimeConfig(consensusHook, auraExtRevision, capacity, velocity,
        relaySlotDurationMs, auraSlotDurationMs, v, minimumPeriodMs, relayNumberPolicy,
        maximumBlockRefTime, parachainSystemRevision, unincludedSegmentApiVersion);
  }

  /** Copy with another {@code MinimumPeriod}. */
  public ParachainRuntimeConfig withMinimumPeriodMs(long v) {
    return new ParachainRuntimeConfig(consensusHook, auraExtRevision, capacity, velocity,
        relaySlotDurationMs, auraSlotDurationMs, allowMultipleBlocksPerSlot, v, relayNumberPolicy,
        maximumBlockRefTime, parachainSystemRevision, unincludedSegmentApiVersion);
  }

  /** Copy with another {@code CheckAssociatedRelayNumber}. */
  public ParachainRuntimeConfig withRelayNumberPolicy(RelayNumberPolicy v) {
    return new ParachainRuntimeConfig(consensusHook, auraExtRevision, capacity, velocity,
        relaySlotDurationMs, auraSlotDurationMs, allowMultipleBlocksPerSlot, minimumPeriodMs, v,
        maximumBlockRefTime, parachainSystemRevision, unincludedSegmentApiVersion);
  }

  /** Copy with another {@code MAXIMUM_BLOCK_WEIGHT} ref time (picoseconds). */
  public ParachainRuntimeConfig withMaximumBlockRefTime(long v) {
    return new ParachainRuntimeConfig(consensusHook, auraExtRevision, capacity, velocity,
        relaySlotDurationMs, auraSlotDurationMs, allowMultipleBlocksPerSlot, minimumPeriodMs,
        relayNumberPolicy, v, parachainSystemRevision, unincludedSegmentApiVersion);
  }

  /** Copy with another parachain-system revision. */
  public ParachainRuntimeConfig withParachainSystemRevision(ParachainSystemRevision v) {
    return new ParachainRuntimeConfig(consensusHook, auraExtRevision, capacity, velocity,
        relaySlotDurationMs, auraSlotDurationMs, allowMultipleBlocksPerSlot, minimumPeriodMs,
        relayNumberPolicy, maximumBlockRefTime, v, unincludedSegmentApiVersion);
  }

  /** Copy with another {@code AuraUnincludedSegmentApi} version (1 or 2). */
  public ParachainRuntimeConfig withUnincludedSegmentApiVersion(int v) {
    return new ParachainRuntimeConfig(consensusHook, auraExtRevision, capacity, velocity,
        relaySlotDurationMs, auraSlotDurationMs, allowMultipleBlocksPerSlot, minimumPeriodMs,
        relayNumberPolicy, maximumBlockRefTime, parachainSystemRevision, v);
  }

  /** The consensus hook this configuration wires into parachain-system. */
  public ConsensusHook hook() {
    return ConsensusHook.of(this);
  }
}
