package io.parapipe.doctor.predict;

import java.util.List;

/**
 * The values of a doctor scenario: one para on a small Polkadot-like relay.
 *
 * @param name scenario name
 * @param consensusHook {@code expect-parent-included}, {@code fixed-capacity} or {@code fixed-velocity}
 * @param capacity {@code unincluded_segment_capacity}
 * @param velocity {@code block_processing_velocity}
 * @param relayChainSlotMs {@code relay_chain_slot_duration} in ms
 * @param slotMs Aura {@code slot_duration} in ms
 * @param allowMultipleBlocksPerSlot {@code allow_multiple_blocks_per_slot}
 * @param minimumPeriodMs {@code minimum_period} in ms
 * @param relayNumberPolicy {@code strictly-increases}, {@code monotonically-increases} or {@code any}
 * @param maxBlockWeightPs {@code max_block_weight} as ref_time picoseconds
 * @param collatorKind {@code basic}, {@code lookahead} or {@code slot-based}
 * @param authoringMicros {@code authoring_duration} in microseconds
 * @param cores bulk cores the para holds ({@code [[paras]] cores}); more than one only with the
 *     slot-based collator, which alone builds on several cores
 * @param selectCoreSignal whether parachain-system sends {@code UMPSignal::SelectCore}
 *     ({@code [para] select_core_signal}); read only by the slot-based collator's runs
 * @param assumptions values not read from the code, one sentence each
 * @param comments notes written into the TOML as comments (what was read from where)
 */
public record ScenarioSpec(
    String name,
    String consensusHook,
    long capacity,
    long velocity,
    long relayChainSlotMs,
    long slotMs,
    boolean allowMultipleBlocksPerSlot,
    long minimumPeriodMs,
    String relayNumberPolicy,
    long maxBlockWeightPs,
    String collatorKind,
    long authoringMicros,
    int cores,
    boolean selectCoreSignal,
    List<String> assumptions,
    List<String> comments) {
  /** Relay validators of the doctor's Polkadot-like relay. */
  public static final int VALIDATORS = 20;
  /** Availability cores of the relay. */
  public static final int CORES = 5;
  /** Polkadot's {@code max_candidate_depth}. */
  public static final int MAX_CANDIDATE_DEPTH = 3;
  /** Polkadot's {@code allowed_ancestry_len}. */
  public static final int ALLOWED_ANCESTRY_LEN = 2;
  /** Polkadot's scheduling lookahead (claim queue depth), field-notes §3.6. */
  public static final int SCHEDULING_LOOKAHEAD = 3;
  /** The id the simulator gives the first (and here only) para. */
  public static final int PARA_ID = 2000;
  /** Simulated time. */
  public static final String DURATION = "5m";

  /** Copies the lists. */
  public ScenarioSpec {
    assumptions = List.copyOf(assumptions);
    comments = List.copyOf(comments);
  }
}
