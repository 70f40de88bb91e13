package io.parapipe.protocol.relay.node.authoring;

import java.util.SplittableRandom;

/**
 * Who may author in a relay slot: a model of BABE's VRF lottery. Every validator evaluates the
 * same function of the epoch randomness and the slot, so they agree on it, and nobody can know a
 * slot's authors before the randomness is fixed. Usually one author; with some probability none
 * (a missed slot) or two (a fork).
 */
public final class SlotLottery {
  private final long epochRandomness;
  private final int validators;
  private final double missProbability;
  private final double forkProbability;

  /**
   * @param epochRandomness the shared randomness (the run's seed)
   * @param validators number of validators
   * @param missProbability chance of no author
   * @param forkProbability chance of a second author
   */
  public SlotLottery(long epochRandomness, int validators, double missProbability,
      double forkProbability) {
    this.epochRandomness = epochRandomness;
    this.validators = validators;
    this.missProbability = missProbability;
    this.forkProbability = forkProbability;
  }

  /** The authors of {@code slot}: none, one, or two distinct validator indices. */
  public int[] authors(long slot) {
    SplittableRandom r = new SplittableRandom(mix(epochRandomness ^ mix(slot)));
    if (r.nextDouble() < missProbability) {
      return new int[0];
    }
    int first = r.nextInt(validators);
    if (validators > 1 && r.nextDouble() < forkProbability) {
      int second = r.nextInt(validators - 1);
      return new int[] {first, second >= first ? second + 1 : second};
    }
    return new int[] {first};
  }

  /** True if {@code validator} may author {@code slot}. */
  public boolean isAuthor(long slot, int validator) {
    for (int a : authors(slot)) {
      if (a == validator) {
        return true;
      }
    }
    return false;
  }

  /** SplitMix64's finaliser: a well-mixed, stable function of a long. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
