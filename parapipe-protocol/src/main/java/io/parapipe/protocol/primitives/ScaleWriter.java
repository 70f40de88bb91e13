package io.parapipe.protocol.primitives;

import java.util.Arrays;

/**
 * A minimal SCALE encoder (parity-scale-codec): little-endian fixed-width integers, compact
 * integers, length-prefixed byte vectors, options. Enough to hash the candidate types the way
 * polkadot-sdk does.
 */
public final class ScaleWriter {
  private byte[] buf = new byte[128];
  private int len;

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  /** One byte. */
  public ScaleWriter u8(int v) {
    ensure(1);
    buf[len++] = (byte) v;
    return this;
  }

  /** Two bytes little-endian. */
  public ScaleWriter u16(int v) {
    return u8(v).u8(v >>> 8);
  }

  /** Four bytes little-endian (also used for {@code u32} values held in a Java int). */
  public ScaleWriter u32(int v) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[len++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Eight bytes little-endian. */
  public ScaleWriter u64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[len++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** {@code bool}: one byte, 0 or 1. */
  public ScaleWriter bool(boolean v) {
    return u8(v ? 1 : 0);
  }

  /** A compact (variable-length) unsigned integer. */
  public ScaleWriter compact(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("compact integers are unsigned: " + v);
    }
    if (v < 1L << 6) {
      return u8((int) (v << 2));
    } else if (v < 1L << 14) {
      return u16((int) ((v << 2) | 0b01));
    } else if (v < 1L << 30) {
      return u32((int) ((v << 2) | 0b10));
    }
    int bytes = (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
    u8(((bytes - 4) << 2) | 0b11);
    for (int i = 0; i < bytes; i++) {
      u8((int) (v >>> (8 * i)));
    }
    return this;
  }

  /** Raw bytes with no length prefix ({@code [u8; N]}). */
  public ScaleWriter fixedBytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /** {@code Vec<u8>}: compact length then the bytes. */
  public ScaleWriter bytes(byte[] b) {
    compact(b.length);
    return fixedBytes(b);
  }

  /** {@code Option} tag: 0 for None, 1 for Some (the caller writes the value after). */
  public ScaleWriter optionTag(boolean present) {
    return u8(present ? 1 : 0);
  }

  /** The encoded bytes so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** BLAKE2b-256 of the encoded bytes. */
  public Hash blake2b256() {
    return Hash.blake2b256(toByteArray());
  }
}
