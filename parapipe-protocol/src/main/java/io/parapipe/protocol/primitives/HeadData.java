package io.parapipe.protocol.primitives;

import java.util.Arrays;

/**
 * A parachain head: opaque bytes (in practice the SCALE-encoded para block header). Chains of
 * candidates link by the hash of head data, never by candidate hash.
 */
public final class HeadData {
  private final byte[] bytes;
  private final Hash hash;

  private HeadData(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Hash.blake2b256(bytes);
  }

  /** Wraps a copy of the given bytes. */
  public static HeadData of(byte[] bytes) {
    return new HeadData(bytes.clone());
  }

  /** Head data from hex text (vectors use this). */
  public static HeadData fromHex(String hex) {
    return new HeadData(Hex.decode(hex));
  }

  /** {@code blake2_256(head_data)}, computed once. */
  public Hash hash() {
    return hash;
  }

  /** Length in bytes. */
  public int size() {
    return bytes.length;
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** SCALE: {@code Vec<u8>}. */
  public void writeTo(ScaleWriter w) {
    w.bytes(bytes);
  }

  /** Lowercase hex with {@code 0x}. */
  public String toHex() {
    return "0x" + Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeadData h && h.hash.equals(hash) && Arrays.equals(h.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "HeadData(" + hash.shortHex() + ", " + bytes.length + "B)";
  }
}
