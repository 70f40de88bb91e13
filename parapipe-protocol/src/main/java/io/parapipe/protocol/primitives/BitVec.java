package io.parapipe.protocol.primitives;

import java.util.Arrays;
import java.util.BitSet;

/**
 * An immutable bit vector with an explicit length, standing in for upstream's
 * {@code BitVec<u8, Lsb0>}: availability bitfields (one bit per core), backing
 * {@code validator_indices} (one bit per group member) and availability votes (one bit per
 * validator).
 */
public final class BitVec {
  private final int len;
  private final long[] words;

  private BitVec(int len, long[] words) {
    this.len = len;
    this.words = words;
  }

  /** {@code len} zero bits. */
  public static BitVec zeros(int len) {
    if (len < 0) {
      throw new IllegalArgumentException("negative BitVec length: " + len);
    }
    return new BitVec(len, new long[(len + 63) >>> 6]);
  }

  /** {@code len} bits with exactly the listed positions set. */
  public static BitVec of(int len, int... setBits) {
    BitVec v = zeros(len);
    for (int i : setBits) {
      v.checkIndex(i);
      v.words[i >>> 6] |= 1L << (i & 63);
    }
    return v;
  }

  /** One bit per argument, in order. */
  public static BitVec fromBits(boolean... bits) {
    BitVec v = zeros(bits.length);
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        v.words[i >>> 6] |= 1L << (i & 63);
      }
    }
    return v;
  }

  /** {@code len} bits taken from a {@link BitSet}; bits at or beyond {@code len} must be clear. */
  public static BitVec fromBitSet(BitSet set, int len) {
    if (set.length() > len) {
      throw new IllegalArgumentException("BitSet has bits beyond length " + len);
    }
    BitVec v = zeros(len);
    for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
      v.words[i >>> 6] |= 1L << (i & 63);
    }
    return v;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= len) {
      throw new IndexOutOfBoundsException("bit " + i + " of a BitVec of length " + len);
    }
  }

  /** Number of bits. */
  public int len() {
    return len;
  }

  /** The bit at {@code i}. */
  public boolean get(int i) {
    checkIndex(i);
    return (words[i >>> 6] & (1L << (i & 63))) != 0;
  }

  /** A copy with bit {@code i} set to {@code value}. */
  public BitVec with(int i, boolean value) {
    checkIndex(i);
    long[] w = words.clone();
    if (value) {
      w[i >>> 6] |= 1L << (i & 63);
    } else {
      w[i >>> 6] &= ~(1L << (i & 63));
    }
    return new BitVec(len, w);
  }

  /** Bitwise or of two vectors of the same length. */
  public BitVec or(BitVec other) {
    if (other.len != len) {
      throw new IllegalArgumentException("BitVec lengths differ: " + len + " vs " + other.len);
    }
    long[] w = words.clone();
    for (int i = 0; i < w.length; i++) {
      w[i] |= other.words[i];
    }
    return new BitVec(len, w);
  }

  /** Number of set bits ({@code count_ones}). */
  public int countOnes() {
    int n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    return n;
  }

  /** Positions of the set bits, ascending. */
  public int[] ones() {
    int[] out = new int[countOnes()];
    int k = 0;
    for (int wi = 0; wi < words.length; wi++) {
      long w = words[wi];
      while (w != 0) {
        int b = Long.numberOfTrailingZeros(w);
        out[k++] = (wi << 6) + b;
        w &= w - 1;
      }
    }
    return out;
  }

  /**
   * The first set bit at or after {@code from}, or -1 if there is none: walks the set bits without
   * allocating, as {@link #ones()} does.
   */
  public int nextOne(int from) {
    if (from < 0) {
      throw new IndexOutOfBoundsException("negative bit index: " + from);
    }
    int wi = from >>> 6;
    if (wi >= words.length) {
      return -1;
    }
    long w = words[wi] & (-1L << (from & 63));
    while (true) {
      if (w != 0) {
        return (wi << 6) + Long.numberOfTrailingZeros(w);
      }
      if (++wi == words.length) {
        return -1;
      }
      w = words[wi];
    }
  }

  /** A mutable copy as a {@link BitSet}. */
  public BitSet toBitSet() {
    return BitSet.valueOf(words);
  }

  /** SCALE encoding of {@code BitVec<u8, Lsb0>}: compact bit length, then the bytes LSB first. */
  public void writeTo(ScaleWriter w) {
    w.compact(len);
    byte[] bytes = new byte[(len + 7) >>> 3];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (words[i >>> 3] >>> ((i & 7) * 8));
    }
    w.fixedBytes(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitVec b && b.len == len && Arrays.equals(b.words, words);
  }

  @Override
  public int hashCode() {
    return 31 * len + Arrays.hashCode(words);
  }

  /** The bits as {@code 0b…}, index 0 first. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(len + 2).append("0b");
    for (int i = 0; i < len; i++) {
      sb.append(get(i) ? '1' : '0');
    }
    return sb.toString();
  }
}
