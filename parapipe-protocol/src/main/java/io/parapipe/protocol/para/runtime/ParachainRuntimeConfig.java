package io.parapipe.protocol.para.runtime;

import io.parapipe.protocol.primitives.Weight;
import java.util.Objects;

/**
 * The parachain runtime's configuration: the constants of a cumulus runtime that decide block
 * production. A runtime upgrade replaces the whole record; every {@link ParachainState} carries
 * the configuration in force for blocks built on it. Build one by name: {@link #builder()}, or
 * from a template ({@link #asyncBackingTemplate()}, {@link #syncBackingLegacy()}) with {@link
 * #toBuilder()} or the {@code with*} copies.
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
 * @param selectCoreSignal whether parachain-system sends {@code UMPSignal::SelectCore} after the
 *     {@code UMP_SEPARATOR} when the block carries a {@code CoreInfo} pre-digest
 *     ({@code send_ump_signals}, 2025); false for a runtime built without it, such as the test
 *     runtime {@code elastic-scaling-mvp}
 * @param relayParentOffset parachain-system's {@code RelayParentOffset}: how many relay blocks
 *     below the best one the slot-based collator builds (0 = the best block)
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
    int unincludedSegmentApiVersion,
    boolean selectCoreSignal,
    int relayParentOffset) {

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
    if (relayParentOffset < 0) {
      throw new IllegalArgumentException("RelayParentOffset is a u32: " + relayParentOffset);
    }
  }

  /**
   * The 2025 parachain template (async backing): {@code FixedVelocityConsensusHook<_, 6000, 1, 3>}
   * in H2, 6 s Aura slots, multiple blocks per slot allowed, {@code MinimumPeriod = 0},
   * {@code RelayNumberMonotonicallyIncreases}, 2 s block weight, P1, API v2.
   */
  public static ParachainRuntimeConfig asyncBackingTemplate() {
    return builder()
        .consensusHook(ConsensusHookKind.FIXED_VELOCITY)
        .auraExtRevision(AuraExtRevision.H2)
        .capacity(3)
        .velocity(1)
        .relaySlotDurationMs(6000)
        .auraSlotDurationMs(6000)
        .allowMultipleBlocksPerSlot(true)
        .minimumPeriodMs(0)
        .relayNumberPolicy(RelayNumberPolicy.RELAY_NUMBER_MONOTONICALLY_INCREASES)
        .maximumBlockRefTime(2 * Weight.REF_TIME_PER_SECOND)
        .parachainSystemRevision(ParachainSystemRevision.P1)
        .unincludedSegmentApiVersion(2)
        .selectCoreSignal(true)
        .relayParentOffset(0)
        .build();
  }

  /**
   * A pre-async-backing runtime: {@code ExpectParentIncluded}, 12 s Aura slots
   * ({@code MinimumPeriod = 6 s}, one block per slot), {@code RelayNumberStrictlyIncreases},
   * 0.5 s block weight.
   */
  public static ParachainRuntimeConfig syncBackingLegacy() {
    return builder()
        .consensusHook(ConsensusHookKind.EXPECT_PARENT_INCLUDED)
        .auraExtRevision(AuraExtRevision.H2)
        .capacity(1)
        .velocity(1)
        .relaySlotDurationMs(6000)
        .auraSlotDurationMs(12000)
        .allowMultipleBlocksPerSlot(false)
        .minimumPeriodMs(6000)
        .relayNumberPolicy(RelayNumberPolicy.RELAY_NUMBER_STRICTLY_INCREASES)
        .maximumBlockRefTime(Weight.REF_TIME_PER_SECOND / 2)
        .parachainSystemRevision(ParachainSystemRevision.P1)
        .unincludedSegmentApiVersion(2)
        .selectCoreSignal(true)
        .relayParentOffset(0)
        .build();
  }

  /** An empty builder: every field must be set before {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration, to change several fields by name at once. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Copy with another consensus hook kind. */
  public ParachainRuntimeConfig withConsensusHook(ConsensusHookKind v) {
    return toBuilder().consensusHook(v).build();
  }

  /** Copy with another aura-ext revision. */
  public ParachainRuntimeConfig withAuraExtRevision(AuraExtRevision v) {
    return toBuilder().auraExtRevision(v).build();
  }

  /** Copy with another capacity. */
  public ParachainRuntimeConfig withCapacity(int v) {
    return toBuilder().capacity(v).build();
  }

  /** Copy with another velocity. */
  public ParachainRuntimeConfig withVelocity(int v) {
    return toBuilder().velocity(v).build();
  }

  /** Copy with another relay slot duration given to the hook. */
  public ParachainRuntimeConfig withRelaySlotDurationMs(long v) {
    return toBuilder().relaySlotDurationMs(v).build();
  }

  /** Copy with another Aura slot duration. */
  public ParachainRuntimeConfig withAuraSlotDurationMs(long v) {
    return toBuilder().auraSlotDurationMs(v).build();
  }

  /** Copy with {@code AllowMultipleBlocksPerSlot} changed. */
  public ParachainRuntimeConfig withAllowMultipleBlocksPerSlot(boolean v) {
    return toBuilder().allowMultipleBlocksPerSlot(v).build();
  }

  /** Copy with another {@code MinimumPeriod}. */
  public ParachainRuntimeConfig withMinimumPeriodMs(long v) {
    return toBuilder().minimumPeriodMs(v).build();
  }

  /** Copy with another {@code CheckAssociatedRelayNumber}. */
  public ParachainRuntimeConfig withRelayNumberPolicy(RelayNumberPolicy v) {
    return toBuilder().relayNumberPolicy(v).build();
  }

  /** Copy with another {@code MAXIMUM_BLOCK_WEIGHT} ref time (picoseconds). */
  public ParachainRuntimeConfig withMaximumBlockRefTime(long v) {
    return toBuilder().maximumBlockRefTime(v).build();
  }

  /** Copy with another parachain-system revision. */
  public ParachainRuntimeConfig withParachainSystemRevision(ParachainSystemRevision v) {
    return toBuilder().parachainSystemRevision(v).build();
  }

  /** Copy with another {@code AuraUnincludedSegmentApi} version (1 or 2). */
  public ParachainRuntimeConfig withUnincludedSegmentApiVersion(int v) {
    return toBuilder().unincludedSegmentApiVersion(v).build();
  }

  /** Copy with {@code UMPSignal::SelectCore} sent or not. */
  public ParachainRuntimeConfig withSelectCoreSignal(boolean v) {
    return toBuilder().selectCoreSignal(v).build();
  }

  /** Copy with another {@code RelayParentOffset}. */
  public ParachainRuntimeConfig withRelayParentOffset(int v) {
    return toBuilder().relayParentOffset(v).build();
  }

  /** The consensus hook this configuration wires into parachain-system. */
  public ConsensusHook hook() {
    return ConsensusHook.of(this);
  }

  /**
   * Builds a configuration field by field. A builder from {@link #toBuilder()} starts with every
   * field set; a new one must have each field set before {@link #build()}, which validates as the
   * record's constructor does.
   */
  public static final class Builder {
    private ConsensusHookKind consensusHook;
    private AuraExtRevision auraExtRevision;
    private Integer capacity;
    private Integer velocity;
    private Long relaySlotDurationMs;
    private Long auraSlotDurationMs;
    private Boolean allowMultipleBlocksPerSlot;
    private Long minimumPeriodMs;
    private RelayNumberPolicy relayNumberPolicy;
    private Long maximumBlockRefTime;
    private ParachainSystemRevision parachainSystemRevision;
    private Integer unincludedSegmentApiVersion;
    private Boolean selectCoreSignal;
    private Integer relayParentOffset;

    private Builder() {}

    private Builder(ParachainRuntimeConfig c) {
      consensusHook = c.consensusHook;
      auraExtRevision = c.auraExtRevision;
      capacity = c.capacity;
      velocity = c.velocity;
      relaySlotDurationMs = c.relaySlotDurationMs;
      auraSlotDurationMs = c.auraSlotDurationMs;
      allowMultipleBlocksPerSlot = c.allowMultipleBlocksPerSlot;
      minimumPeriodMs = c.minimumPeriodMs;
      relayNumberPolicy = c.relayNumberPolicy;
      maximumBlockRefTime = c.maximumBlockRefTime;
      parachainSystemRevision = c.parachainSystemRevision;
      unincludedSegmentApiVersion = c.unincludedSegmentApiVersion;
      selectCoreSignal = c.selectCoreSignal;
      relayParentOffset = c.relayParentOffset;
    }

    /** Sets {@link ParachainRuntimeConfig#consensusHook()}. */
    public Builder consensusHook(ConsensusHookKind v) {
      consensusHook = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#auraExtRevision()}. */
    public Builder auraExtRevision(AuraExtRevision v) {
      auraExtRevision = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#capacity()}. */
    public Builder capacity(int v) {
      capacity = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#velocity()}. */
    public Builder velocity(int v) {
      velocity = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#relaySlotDurationMs()}. */
    public Builder relaySlotDurationMs(long v) {
      relaySlotDurationMs = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#auraSlotDurationMs()}. */
    public Builder auraSlotDurationMs(long v) {
      auraSlotDurationMs = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#allowMultipleBlocksPerSlot()}. */
    public Builder allowMultipleBlocksPerSlot(boolean v) {
      allowMultipleBlocksPerSlot = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#minimumPeriodMs()}. */
    public Builder minimumPeriodMs(long v) {
      minimumPeriodMs = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#relayNumberPolicy()}. */
    public Builder relayNumberPolicy(RelayNumberPolicy v) {
      relayNumberPolicy = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#maximumBlockRefTime()}. */
    public Builder maximumBlockRefTime(long v) {
      maximumBlockRefTime = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#parachainSystemRevision()}. */
    public Builder parachainSystemRevision(ParachainSystemRevision v) {
      parachainSystemRevision = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#unincludedSegmentApiVersion()}. */
    public Builder unincludedSegmentApiVersion(int v) {
      unincludedSegmentApiVersion = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#selectCoreSignal()}. */
    public Builder selectCoreSignal(boolean v) {
      selectCoreSignal = v;
      return this;
    }

    /** Sets {@link ParachainRuntimeConfig#relayParentOffset()}. */
    public Builder relayParentOffset(int v) {
      relayParentOffset = v;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws NullPointerException naming a field that was never set
     * @throws IllegalArgumentException if a value is out of range
     */
    public ParachainRuntimeConfig build() {
      return new ParachainRuntimeConfig(
          consensusHook,
          auraExtRevision,
          set(capacity, "capacity"),
          set(velocity, "velocity"),
          set(relaySlotDurationMs, "relaySlotDurationMs"),
          set(auraSlotDurationMs, "auraSlotDurationMs"),
          set(allowMultipleBlocksPerSlot, "allowMultipleBlocksPerSlot"),
          set(minimumPeriodMs, "minimumPeriodMs"),
          relayNumberPolicy,
          set(maximumBlockRefTime, "maximumBlockRefTime"),
          parachainSystemRevision,
          set(unincludedSegmentApiVersion, "unincludedSegmentApiVersion"),
          set(selectCoreSignal, "selectCoreSignal"),
          set(relayParentOffset, "relayParentOffset"));
    }

    private static <T> T set(T value, String field) {
      return Objects.requireNonNull(value, field);
    }
  }
}
