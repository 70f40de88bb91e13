package io.parapipe.protocol.primitives;

import java.util.Arrays;
import java.util.Optional;

/**
 * A minimal SCALE decoder for the few values the relay runtime reads from untrusted bytes (UMP
 * signals). Every read answers empty when the input runs out or the value is not canonical, as
 * parity-scale-codec rejects it.
 */
final class ScaleReader {
  private final byte[] in;
  private int pos;

  ScaleReader(byte[] in) {
    this.in = in;
  }

  Optional<Integer> u8() {
    if (pos >= in.length) {
      return Optional.empty();
    }
    return Optional.of(in[pos++] & 0xff);
  }

  /** {@code Compact<u32>}, rejecting a value written in a longer mode than it needs. */
  Optional<Long> compactU32() {
    Optional<Integer> first = u8();
    if (first.isEmpty()) {
      return Optional.empty();
    }
    int b0 = first.get();
    switch (b0 & 0b11) {
      case 0b00:
        return Optional.of((long) (b0 >>> 2));
      case 0b01: {
        Optional<Integer> b1 = u8();
        if (b1.isEmpty()) {
          return Optional.empty();
        }
        long v = ((b0 | b1.get() << 8) & 0xffff) >>> 2;
        return v > 0b0011_1111 ? Optional.of(v) : Optional.empty();
      }
      case 0b10: {
        long raw = b0;
        for (int i = 1; i < 4; i++) {
          Optional<Integer> b = u8();
          if (b.isEmpty()) {
            return Optional.empty();
          }
          raw |= (long) b.get() << (8 * i);
        }
        long v = raw >>> 2;
        return v > 0x3fff ? Optional.of(v) : Optional.empty();
      }
      default: {
        // Big-integer mode: for a u32 only the four-byte form is valid.
        if ((b0 >>> 2) != 0) {
          return Optional.empty();
        }
        long v = 0;
        for (int i = 0; i < 4; i++) {
          Optional<Integer> b = u8();
          if (b.isEmpty()) {
            return Optional.empty();
          }
          v |= (long) b.get() << (8 * i);
        }
        return v > 0x3fff_ffffL ? Optional.of(v) : Optional.empty();
      }
    }
  }

  Optional<byte[]> fixedBytes(int n) {
    if (n < 0 || in.length - pos < n) {
      return Optional.empty();
    }
    byte[] out = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return Optional.of(out);
  }
}
