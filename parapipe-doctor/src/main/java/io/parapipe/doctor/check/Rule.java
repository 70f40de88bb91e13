package io.parapipe.doctor.check;

/**
 * The checker rules. Ids are stable kebab-case names; {@link #reference()} points at the evidence
 * (sections of {@code field-notes.md} / {@code parachain-side.md}, upstream issues) and
 * {@link #fix()} says what to do in the words of the async-backing upgrade guide.
 */
public enum Rule {
  /** Capacity > 1 with {@code RelayNumberStrictlyIncreases}. */
  STRICT_RELAY_NUMBER_WITH_CAPACITY(
      "strict-relay-number-with-capacity",
      "field-notes §5.1, §0.4, P4; parachain-side §2.7, §9 #6",
      "Phase 1, step 4: set the parachain system property `CheckAssociatedRelayNumber` to `RelayNumberMonotonicallyIncreases`."),
  /** Blocks expected more often than Aura slots with {@code AllowMultipleBlocksPerSlot = false}. */
  MULTIPLE_BLOCKS_PER_SLOT_DISALLOWED(
      "multiple-blocks-per-slot-disallowed",
      "field-notes §5.2, §0.4, P4, P5, P6; parachain-side §4.1, §9 #3, #4",
      "Phase 3, step 1: configure `pallet_aura`, setting `AllowMultipleBlocksPerSlot` to true."),
  /** {@code AuraUnincludedSegmentApi} answered from a different hook than parachain-system uses. */
  API_HOOK_MISMATCH(
      "api-hook-mismatch",
      "field-notes §5.3, §0.5; parachain-side §3.3",
      "Phase 1, step 7: inside the `impl_runtime_apis!` block, implement `AuraUnincludedSegmentApi` so that `can_build_upon` calls `ConsensusHook::can_build_upon`, with the same `ConsensusHook` type that sets the parachain system `ConsensusHook` property."),
  /** No {@code AuraUnincludedSegmentApi} on a runtime prepared for async backing. */
  UNINCLUDED_SEGMENT_API_MISSING(
      "unincluded-segment-api-missing",
      "upgrade guide phase 1 step 7; parachain-side §3.3, §3.4",
      "Phase 1, step 7: implement the AuraUnincludedSegmentApi, which allows the collator client to query its runtime to determine whether it should author a block (add `cumulus-primitives-aura` to `runtime/Cargo.toml`; implement it inside `impl_runtime_apis!`)."),
  /** Lookahead or slot-based collator with capacity 1. */
  CAPACITY_ONE_WITH_LOOKAHEAD(
      "capacity-one-with-lookahead",
      "field-notes §5.5, §0.2 (polkadot-sdk#8119); parachain-side §9 #1",
      "Phase 3, step 2: increase the maximum unincluded segment capacity (`UNINCLUDED_SEGMENT_CAPACITY`, 3 in the parachain template) in `runtime/src/lib.rs`."),
  /** {@code MILLISECS_PER_BLOCK} larger than the interval the configuration produces. */
  BLOCK_TIME_CONSTANT_STALE(
      "block-time-constant-stale",
      "field-notes §5.6, §0.1 (polkadot-sdk#8119); parachain-side §7",
      "Phase 3, step 3: either decrease `MILLISECS_PER_BLOCK` to 6000 or increase `BLOCK_PROCESSING_VELOCITY` to 2. For a parachain which measures time in terms of its own block number, see “Timing by Block Number”: rely on relay chain block numbers (`LastRelayChainBlockNumber`) instead."),
  /** {@code MILLISECS_PER_BLOCK} smaller than the configuration can achieve. */
  BLOCK_TIME_UNREACHABLE(
      "block-time-unreachable",
      "field-notes §0.1, §0.2, P19, P20; parachain-side §9 #1, #2",
      "With a capacity of 1 “we get the customary 12 second parachain block time” (phase 1, step 7 note): either complete phase 2 (lookahead collator) and phase 3 (capacity 3, `AllowMultipleBlocksPerSlot = true`), or keep `MILLISECS_PER_BLOCK` at 12000."),
  /** 0.5 s block weight on an async-backing chain. */
  BLOCK_WEIGHT_SYNC_ON_ASYNC(
      "block-weight-sync-on-async",
      "field-notes §5.7, §0.7, §0.8, P25",
      "Phase 3, step 4: update `MAXIMUM_BLOCK_WEIGHT` to reflect the increased time available for block production: `Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2), MAX_POV_SIZE as u64)`."),
  /** More than 0.5 s block weight while blocks are backed synchronously. */
  BLOCK_WEIGHT_ASYNC_ON_SYNC(
      "block-weight-async-on-sync",
      "field-notes §5.7, §0.8",
      "Keep `MAXIMUM_BLOCK_WEIGHT` at 0.5 s of ref_time (`WEIGHT_REF_TIME_PER_SECOND.saturating_div(2)`) while blocks are backed synchronously; phase 3, step 4 raises it to 2 s together with the capacity."),
  /** {@code authoring_duration} shorter than the block's ref_time budget. */
  AUTHORING_BELOW_WEIGHT_BUDGET(
      "authoring-below-weight-budget",
      "field-notes §5.8, §0.8, P24",
      "Phase 2, step 5: increase `authoring_duration` (“set `authoring_duration` to whatever you want, taking your own hardware into account”) to the block's ref_time budget, or lower `MAXIMUM_BLOCK_WEIGHT` to what the collator can fill."),
  /** {@code authoring_duration} above the 2 s backing timeout. */
  AUTHORING_ABOVE_BACKING_TIMEOUT(
      "authoring-above-backing-timeout",
      "field-notes §5.8, P24; parachain-side §9 #7",
      "Phase 2, step 5 note: “if the backer who should be slower than you due to reading from disk, times out at two seconds your candidates will be rejected” — keep `authoring_duration` at or below 2000 ms."),
  /** Non-zero {@code MinimumPeriod} while blocks may share a slot. */
  MINIMUM_PERIOD_NONZERO_MULTI_BLOCK(
      "minimum-period-nonzero-multi-block",
      "field-notes §5.9 (substrate#14649); parachain-side §4.2, §9 #5",
      "Phase 3, step 5: add a feature flagged alternative for `MinimumPeriod` in `pallet_timestamp`: `ConstU64<0>` with the feature flag experimental, and `ConstU64<{SLOT_DURATION / 2}>` without."),
  /** Basic collator with capacity > 1. */
  BASIC_COLLATOR_CAPACITY(
      "basic-collator-capacity",
      "field-notes §5.10, P1, P3",
      "Phase 2: plug in the new lookahead collator — in `start_consensus()` import the lookahead collator rather than the basic collator, replace `BasicAuraParams` with `AuraParams` and `basic_aura::run` with `aura::run`."),
  /** No {@code type ConsensusHook} in the parachain-system Config. */
  MISSING_CONSENSUS_HOOK(
      "missing-consensus-hook",
      "field-notes §5.11, §0.3",
      "Phase 1, step 4: define a `FixedVelocityConsensusHook` using the capacity, velocity, and relay slot duration constants, and use it to set the parachain system `ConsensusHook` property."),
  /** Velocity > 1 without every elastic-scaling piece. */
  ELASTIC_SCALING_INCOMPLETE(
      "elastic-scaling-incomplete",
      "field-notes §5.12, P30; parachain-side §2.8, §6.4",
      "Elastic scaling needs the slot-based collator, `type SelectCore` in the parachain-system config, `GetCoreSelectorApi` in `impl_runtime_apis!` and, on SDKs that still have it, parachain-system's `experimental-ump-signals` feature."),
  /** Capacity too small for the velocity. */
  ELASTIC_CAPACITY_TOO_SMALL(
      "elastic-capacity-too-small",
      "field-notes §5.12, P27; parachain-side §6.5, §9 #13",
      "Size the unincluded segment for the velocity: at least `(2 + RELAY_PARENT_OFFSET) * BLOCK_PROCESSING_VELOCITY + 1` (elastic-scaling guide), better `(3 + RELAY_PARENT_OFFSET) * BLOCK_PROCESSING_VELOCITY` (polkadot-sdk#5260)."),
  /** Velocity > 1 needs as many cores, which the code does not show. */
  ELASTIC_NEEDS_CORES(
      "elastic-needs-cores",
      "field-notes P25, P28; parachain-side §9 #14",
      "Assign the parachain as many cores as `BLOCK_PROCESSING_VELOCITY` (coretime); the measured velocity is min(velocity, cores)."),
  /** {@code RELAY_CHAIN_SLOT_DURATION_MILLIS} other than the relay's 6000 ms. */
  RELAY_SLOT_DURATION_MISMATCH(
      "relay-slot-duration-mismatch",
      "parachain-side §3.2, §9 #11; upgrade guide phase 1 step 2",
      "Phase 1, step 2: establish a constant relay chain slot duration measured in milliseconds equal to `6000`."),
  /** Capacity above the relay chain's {@code max_candidate_depth}. */
  CAPACITY_ABOVE_RELAY_DEPTH(
      "capacity-above-relay-depth",
      "parachain-side §9 #8; upgrade guide terminology (max_candidate_depth)",
      "“Capacity … should not exceed `max_candidate_depth`” (3 on Polkadot and Kusama): candidates sent to validators which exceed it will be ignored."),
  /** {@code CheckInherents} still passed to {@code register_validate_block!}. */
  CHECK_INHERENTS_REGISTERED(
      "check-inherents-registered",
      "upgrade guide phase 1 step 8",
      "Phase 1, step 8: if your `runtime/src/lib.rs` provides a `CheckInherents` type to `register_validate_block`, remove it. `FixedVelocityConsensusHook` makes it unnecessary."),
  /** polkadot-sdk pinned to a release older than async backing support. */
  SDK_PREDATES_ASYNC_BACKING(
      "sdk-predates-async-backing",
      "field-notes §5.14, P11",
      "Async backing prerequisites: pull the latest version of Cumulus; any 2024 release will work (release-polkadot-v1.1.0 “predates full async-backing support”).");

  private final String id;
  private final String reference;
  private final String fix;

  Rule(String id, String reference, String fix) {
    this.id = id;
    this.reference = reference;
    this.fix = fix;
  }

  /** The stable id. */
  public String id() {
    return id;
  }

  /** Where the rule comes from. */
  public String reference() {
    return reference;
  }

  /** The fix, in the guide's words. */
  public String fix() {
    return fix;
  }
}
