package io.parapipe.protocol.primitives;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * A 32-byte hash (Substrate's {@code H256}). Ordered as Rust orders {@code [u8; 32]}: unsigned,
 * big-endian byte comparison, which is what fork choice ("lowest candidate hash wins") uses.
 */
public final class Hash implements Comparable<Hash> {
  /** The all-zero hash. */
  public static final Hash ZERO = new Hash(new byte[32]);

  private final byte[] bytes;
  private final int hashCode;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
    this.hashCode = Arrays.hashCode(bytes);
  }

  /** Wraps a copy of exactly 32 bytes. */
  public static Hash of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a hash has 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes.clone());
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
    return new Hash(out);
  }

  /** A hash whose first eight bytes carry {@code value} big-endian; handy for tests and vectors. */
  public static Hash fromLong(long value) {
    byte[] b = new byte[32];
    for (int i = 0; i < 8; i++) {
      b[7 - i] = (byte) (value >>> (8 * i));
    }
    return new Hash(b);
  }

  /** A copy of the 32 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /**
   * One byte of the hash, without copying the array (trace writers format millions of hashes).
   *
   * @param index 0 to 31
   * @return the byte, as a signed Java byte
   */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** Writes the 32 bytes without copying. */
  public void writeTo(ScaleWriter w) {
    w.fixedBytes(bytes);
  }

  @Override
  public int compareTo(Hash o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && h.hashCode == hashCode && Arrays.equals(h.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return hashCode;
  }

  /** {@code 0x} followed by 64 lowercase hex digits. */
  public String toHex() {
    return "0x" + Hex.encode(bytes);
  }

  /** The first four bytes as hex: enough to tell hashes apart in logs and traces. */
  public String shortHex() {
    return "0x" + Hex.encode(Arrays.copyOf(bytes, 4));
  }

  @Override
  public String toString() {
    return toHex();
  }
}
