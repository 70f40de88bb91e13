package io.parapipe.protocol.relay.node.approval;

import io.parapipe.protocol.primitives.Hash;

/**
 * A keyed pseudo-random permutation of validator indices {@code [0, n)}, evaluated one index at a
 * time in constant expected time (a balanced Feistel network with cycle walking). It models the
 * approval-checker assignment: every validator computes its own position for a candidate from
 * public data, without building the whole permutation.
 */
final class CheckerPermutation {
  private final long key;
  private final int n;
  private final int halfBits;
  private final int halfMask;

  /**
   * @param block the relay block including the candidate
   * @param candidate the candidate
   * @param seed the session's randomness
   * @param n number of validators
   */
  CheckerPermutation(Hash block, Hash candidate, long seed, int n) {
    this.key = mix(seed ^ mix(block.hashCode() * 31L + candidate.hashCode()));
    this.n = n;
    int bits = 2;
    while ((1L << bits) < n) {
      bits += 2;
    }
    this.halfBits = bits / 2;
    this.halfMask = (1 << halfBits) - 1;
  }

  /** The position of validator {@code v} in the checking order. */
  int positionOf(int v) {
    int x = v;
    do {
      x = feistel(x);
    } while (x >= n);
    return x;
  }

  private int feistel(int x) {
    int left = x >>> halfBits;
    int right = x & halfMask;
    for (int round = 0; round < 4; round++) {
      int f = (int) (mix(key + round * 0x9e3779b97f4a7c15L + right) & halfMask);
      int newRight = left ^ f;
      left = right;
      right = newRight;
    }
    return (left << halfBits) | right;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
