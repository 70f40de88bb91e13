package io.parapipe.protocol.relay.node.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may author in a relay slot, as BABE decides it (substrate {@code sc-consensus-babe}
 * {@code authorship.rs}, {@code sp-consensus-babe}).
 *
 * <ul>
 *   <li><b>Primary slots</b>: each validator evaluates a VRF on the epoch randomness and the slot
 *       and wins if the output lies below its threshold {@code p = 1 − (1 − c)^(1/n)} (equal
 *       stake; {@code calculate_primary_threshold}). So a slot has at least one primary claim with
 *       probability {@code c}, and several with some probability: those are forks. Polkadot runs
 *       with {@code c = 1/4} ({@code PRIMARY_PROBABILITY} in the runtime's constants).
 *   <li><b>Secondary slots</b> ({@code AllowedSlots::PrimaryAndSecondaryVRFSlots} on Polkadot):
 *       one validator per slot, picked from the randomness and the slot
 *       ({@code secondary_slot_author}), claims the slot when it has no primary claim. It cannot
 *       know whether someone else won the primary lottery, so a slot with a primary winner and a
 *       different secondary author has two blocks; fork choice prefers the primary one.
 * </ul>
 *
 * <p>The VRF is modelled by a well-mixed hash of (randomness, slot, validator): every node
 * computes the same outcome and no node can predict it before the randomness is fixed, which is
 * what the lottery needs. On top of BABE, a scenario may say that a claimant fails to author
 * (an overloaded or restarting node: {@code missProbability}, per claim) or that a further,
 * out-of-turn validator authors ({@code extraAuthorProbability}, per slot, a secondary claim).
 */
public final class BlockAuthorship {
  /**
   * A validator's right to author a slot.
   *
   * @param validator the authority index
   * @param primary true for a primary (VRF lottery) claim, false for a secondary one
   */
  public record Claim(int validator, boolean primary) {}

  private final long epochRandomness;
  private final int validators;
  private final double primaryThreshold;
  private final boolean secondarySlots;
  private final double missProbability;
  private final double extraAuthorProbability;

  /**
   * @param epochRandomness the shared randomness (the run's seed)
   * @param validators number of validators (equal weights)
   * @param primaryProbability BABE's {@code c}: the chance that a slot has a primary claim
   * @param secondarySlots whether secondary slots are allowed
   * @param missProbability the chance that a claimant fails to author its slot
   * @param extraAuthorProbability the chance that one more validator authors the slot
   */
  public BlockAuthorship(long epochRandomness, int validators, double primaryProbability,
      boolean secondarySlots, double missProbability, double extraAuthorProbability) {
    this.epochRandomness = epochRandomness;
    this.validators = validators;
    this.primaryThreshold = primaryThreshold(primaryProbability, validators);
    this.secondarySlots = secondarySlots;
    this.missProbability = missProbability;
    this.extraAuthorProbability = extraAuthorProbability;
  }

  /**
   * BABE's per-validator primary threshold with equal weights: {@code 1 − (1 − c)^(1/n)}, so that
   * the chance that nobody wins is {@code (1 − c)}.
   */
  public static double primaryThreshold(double c, int validators) {
    if (c <= 0) {
      return 0;
    }
    if (c >= 1) {
      return 1;
    }
    return -Math.expm1(Math.log1p(-c) / validators);
  }

  /** The per-validator primary threshold in use. */
  public double primaryThreshold() {
    return primaryThreshold;
  }

  /** The secondary author of {@code slot} ({@code secondary_slot_author}). */
  public int secondaryAuthor(long slot) {
    return (int) Long.remainderUnsigned(mix(epochRandomness ^ mix(slot ^ 0x5ec0dL)), validators);
  }

  /** This validator's claim on {@code slot}, if it has one and does not miss the slot. */
  public Optional<Claim> claim(long slot, int validator) {
    Optional<Claim> c = rawClaim(slot, validator);
    if (c.isPresent() && missProbability > 0
        && unit(mix(epochRandomness ^ mix(slot) ^ mix(validator + 0xabcdefL))) < missProbability) {
      return Optional.empty();
    }
    return c;
  }

  /** Every claim on {@code slot}, in validator order. */
  public List<Claim> claims(long slot) {
    List<Claim> out = new ArrayList<>(2);
    for (int v = 0; v < validators; v++) {
      claim(slot, v).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Claim> rawClaim(long slot, int validator) {
    if (vrfOutput(slot, validator) < primaryThreshold) {
      return Optional.of(new Claim(validator, true));
    }
    if (secondarySlots && secondaryAuthor(slot) == validator) {
      return Optional.of(new Claim(validator, false));
    }
    if (extraAuthorProbability > 0 && validators > 1) {
      long h = mix(epochRandomness ^ mix(slot ^ 0xf04cL));
      if (unit(h) < extraAuthorProbability) {
        int extra = (int) Long.remainderUnsigned(mix(h), validators - 1);
        int secondary = secondaryAuthor(slot);
        if ((extra >= secondary ? extra + 1 : extra) == validator) {
          return Optional.of(new Claim(validator, false));
        }
      }
    }
    return Optional.empty();
  }

  /** The modelled VRF output of a validator in a slot, uniform in [0, 1). */
  double vrfOutput(long slot, int validator) {
    return unit(mix(mix(epochRandomness ^ 0x76726fL) ^ mix(slot) ^ mix(validator * 0x9e3779b97f4a7c15L)));
  }

  private static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  /** SplitMix64's finaliser: a well-mixed, stable function of a long. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
