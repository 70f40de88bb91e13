package io.parapipe.doctor.check;

import io.parapipe.doctor.extract.CollatorFacts;
import io.parapipe.doctor.extract.CollatorKind;
import io.parapipe.doctor.extract.RuntimeFacts;
import io.parapipe.doctor.extract.RuntimeVariant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the checker's table of rules (field-notes §0 and §5) to one runtime variant and the
 * node's collator. Each row is a small class; rules whose inputs are unknown stay silent: the
 * unknown value is reported as such elsewhere, never guessed.
 */
public final class Checker {
  /** Polkadot's (and Kusama's) relay-chain slot in ms. */
  public static final long RELAY_SLOT_MS = 6000;
  /** Polkadot's {@code max_candidate_depth}. */
  public static final long RELAY_MAX_CANDIDATE_DEPTH = 3;
  /** The backing PVF execution timeout in ms. */
  public static final long BACKING_TIMEOUT_MS = 2000;

  // The table. Order is the order of findings of equal severity in the report.
  private static final List<RuleCheck> RULES = List.of(
      new StrictRelayNumberWithCapacity(),
      new MultipleBlocksPerSlotDisallowed(),
      new ApiHookMismatch(),
      new UnincludedSegmentApiMissing(),
      new CapacityOneWithLookahead(),
      new BlockTimeConstantStale(),
      new BlockTimeUnreachable(),
      new BlockWeight(),
      new AuthoringBelowWeightBudget(),
      new AuthoringAboveBackingTimeout(),
      new MinimumPeriodNonzeroMultiBlock(),
      new BasicCollatorCapacity(),
      new MissingConsensusHook(),
      new ElasticScalingIncomplete(),
      new ElasticCapacityTooSmall(),
      new ElasticNeedsCores(),
      new RelaySlotDurationMismatch(),
      new CapacityAboveRelayDepth(),
      new CheckInherentsRegistered(),
      new SdkPredatesAsyncBacking());

  private Checker() {}

  /**
   * The findings for one variant.
   *
   * @param facts the runtime
   * @param v the variant
   * @param collator the node's collator
   * @param pins polkadot-sdk git pins of the repository
   * @param phase the variant's phase
   */
  public static List<Finding> check(RuntimeFacts facts, RuntimeVariant v, CollatorFacts collator, List<SdkPin> pins, Phase phase) {
    List<Finding> out = new ArrayList<>();
    if (facts.configOrigin() == null) {
      return out;
    }
    CheckInput in = new CheckInput(facts, v, collator, pins, phase);
    for (RuleCheck rule : RULES) {
      rule.check(in, out);
    }
    return out;
  }

  /**
   * The block interval (ms) the configuration aims at on Polkadot: 12 s with capacity 1; with the
   * basic collator, one block per Aura slot but never faster than the relay chain (it builds on the
   * parent collation-generation hands it: the included one, or the one pending availability, so
   * one block ahead at most), null when the slot is unknown; else the relay slot divided by the
   * velocity. Null when the capacity is unknown.
   */
  public static Long expectedInterval(Long capacity, Long velocity, CollatorKind kind, Long slotMs) {
    if (capacity == null) {
      return null;
    }
    if (capacity <= 1) {
      return 2 * RELAY_SLOT_MS;
    }
    if (kind == CollatorKind.BASIC) {
      return slotMs == null ? null : Math.max(RELAY_SLOT_MS, slotMs);
    }
    long v = velocity == null ? 1 : Math.max(1, velocity);
    return RELAY_SLOT_MS / v;
  }
}
