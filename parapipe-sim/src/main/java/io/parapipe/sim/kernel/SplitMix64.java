package io.parapipe.sim.kernel;

import java.util.random.RandomGenerator;

/**
 * A SplitMix64 random stream (Steele, Lea, Flood 2014): a 64-bit counter advanced by the golden
 * gamma and a strong output mix. Every method whose result a simulation can depend on is
 * implemented here rather than inherited, so the same seed yields the same numbers on every JVM
 * version. Not thread-safe; one instance per (node, purpose).
 */
public final class SplitMix64 implements RandomGenerator {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;
  private static final float FLOAT_UNIT = 0x1.0p-24f;

  private long state;

  /** A stream starting from {@code seed}. */
  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The SplitMix64 output function (variant 13 of Stafford's mixers); a bijection on longs. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Override
  public long nextLong() {
    return mix64(state += GOLDEN_GAMMA);
  }

  @Override
  public int nextInt() {
    return (int) (nextLong() >>> 32);
  }

  @Override
  public boolean nextBoolean() {
    return nextLong() < 0;
  }

  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  @Override
  public float nextFloat() {
    return (nextLong() >>> 40) * FLOAT_UNIT;
  }

  /** Uniform in {@code [0, bound)}, unbiased (Lemire's multiply-and-reject). */
  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xffffffffL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xffffffffL;
      }
    }
    return (int) (m >>> 32);
  }

  @Override
  public int nextInt(int origin, int bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException("origin " + origin + " must be < bound " + bound);
    }
    long n = (long) bound - origin;
    return (int) (origin + nextLong(n));
  }

  /** Uniform in {@code [0, bound)}, unbiased (modulo with rejection of the top partial range). */
  @Override
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long m = bound - 1;
    long r = nextLong() >>> 1;
    if ((bound & m) == 0) {
      return r & m;
    }
    for (long u = r; u - (r = u % bound) + m < 0; u = nextLong() >>> 1) {
      // rejected: u fell into the incomplete last block
    }
    return r;
  }

  @Override
  public long nextLong(long origin, long bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException("origin " + origin + " must be < bound " + bound);
    }
    long n = bound - origin;
    if (n > 0) {
      return origin + nextLong(n);
    }
    // The range exceeds Long.MAX_VALUE: draw until inside.
    long r;
    do {
      r = nextLong();
    } while (r < origin || r >= bound);
    return r;
  }

  @Override
  public double nextDouble(double bound) {
    return nextDouble(0.0, bound);
  }

  @Override
  public double nextDouble(double origin, double bound) {
    if (!(origin < bound) || Double.isInfinite(bound - origin)) {
      throw new IllegalArgumentException("bad range [" + origin + ", " + bound + ")");
    }
    double r = nextDouble() * (bound - origin) + origin;
    return r >= bound ? Math.nextDown(bound) : r;
  }

  /** Exponential with mean 1, by inversion (StrictMath: identical bits on every JVM). */
  @Override
  public double nextExponential() {
    return -StrictMath.log(((nextLong() >>> 11) + 1) * DOUBLE_UNIT);
  }

  /** Standard normal, by Marsaglia's polar method (one of the pair is discarded: no state). */
  @Override
  public double nextGaussian() {
    double v1;
    double v2;
    double s;
    do {
      v1 = 2 * nextDouble() - 1;
      v2 = 2 * nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    return v1 * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
  }

  @Override
  public double nextGaussian(double mean, double stddev) {
    if (stddev < 0.0) {
      throw new IllegalArgumentException("stddev must be >= 0, got " + stddev);
    }
    return mean + stddev * nextGaussian();
  }

  @Override
  public void nextBytes(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      long r = nextLong();
      for (int k = 0; k < 8 && i < bytes.length; k++, r >>>= 8) {
        bytes[i++] = (byte) r;
      }
    }
  }
}
