package io.parapipe.protocol.primitives;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * A 32-byte hash (Substrate's {@code H256}). Ordered as Rust orders {@code [u8; 32]}: unsigned,
 * big-endian byte comparison, which is what fork choice ("lowest candidate hash wins") uses.
 *
 * <p>The bytes are held as four big-endian {@code long}s inside the object rather than in a
 * separate array: hashes are map keys everywhere in the simulation, and comparing two of them
 * then touches two objects instead of four.
 */
public final class Hash implements Comparable<Hash> {
  /** The all-zero hash. */
  public static final Hash ZERO = new Hash(0, 0, 0, 0);

  private final long w0;
  private final long w1;
  private final long w2;
  private final long w3;
  private final int hashCode;

  private Hash(long w0, long w1, long w2, long w3) {
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    this.w3 = w3;
    long h = w0 * 0x9e3779b97f4a7c15L + w1;
    h = h * 0x9e3779b97f4a7c15L + w2;
    h = h * 0x9e3779b97f4a7c15L + w3;
    this.hashCode = (int) (h ^ (h >>> 32));
  }

  private static long word(byte[] b, int offset) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[offset + i] & 0xffL);
    }
    return v;
  }

  /** The hash of exactly 32 bytes (copied). */
  public static Hash of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a hash has 32 bytes, got " + bytes.length);
    }
    return new Hash(word(bytes, 0), word(bytes, 8), word(bytes, 16), word(bytes, 24));
  }

  /** Parses {@code 0x}-prefixed or bare hex of 64 digits. */
  public static Hash fromHex(String hex) {
    return of(Hex.decode(hex));
  }

  /** BLAKE2b-256 of the given bytes (Substrate's {@code blake2_256}). */
  public static Hash blake2b256(byte[] data) {
    Blake2bDigest digest = new Blake2bDigest(256);
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return of(out);
  }

  /** A hash whose first eight bytes carry {@code value} big-endian; handy for tests and vectors. */
  public static Hash fromLong(long value) {
    return new Hash(value, 0, 0, 0);
  }

  private long wordAt(int i) {
    return i == 0 ? w0 : i == 1 ? w1 : i == 2 ? w2 : w3;
  }

  /**
   * One byte of the hash, without copying.
   *
   * @param index 0 to 31
   * @return the byte, as a signed Java byte
   */
  public byte byteAt(int index) {
    if (index < 0 || index >= 32) {
      throw new IndexOutOfBoundsException(index);
    }
    return (byte) (wordAt(index >>> 3) >>> (8 * (7 - (index & 7))));
  }

  /** A copy of the 32 bytes. */
  public byte[] toByteArray() {
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) {
      b[i] = byteAt(i);
    }
    return b;
  }

  /** Writes the 32 bytes. */
  public void writeTo(ScaleWriter w) {
    for (int i = 0; i < 4; i++) {
      long v = wordAt(i);
      for (int s = 56; s >= 0; s -= 8) {
        w.u8((int) (v >>> s));
      }
    }
  }

  @Override
  public int compareTo(Hash o) {
    int c = Long.compareUnsigned(w0, o.w0);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(w1, o.w1);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(w2, o.w2);
    return c != 0 ? c : Long.compareUnsigned(w3, o.w3);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && h.w0 == w0 && h.w1 == w1 && h.w2 == w2 && h.w3 == w3;
  }

  @Override
  public int hashCode() {
    return hashCode;
  }

  /** {@code 0x} followed by 64 lowercase hex digits. */
  public String toHex() {
    return "0x" + Hex.encode(toByteArray());
  }

  /** The first four bytes as hex: enough to tell hashes apart in logs and traces. */
  public String shortHex() {
    return String.format("0x%08x", (int) (w0 >>> 32));
  }

  @Override
  public String toString() {
    return toHex();
  }
}
