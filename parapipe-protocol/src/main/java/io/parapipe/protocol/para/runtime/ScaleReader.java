package io.parapipe.protocol.para.runtime;

import java.util.Arrays;

/** Reads the SCALE layouts {@link ParaBlockHeader} writes; any malformed input is reported as such. */
final class ScaleReader {
  /** Malformed input. */
  static final class Malformed extends Exception {
    Malformed(String what) {
      super(what, null, false, false);
    }
  }

  private final byte[] buf;
  private int pos;

  ScaleReader(byte[] buf) {
    this.buf = buf;
  }

  boolean atEnd() {
    return pos == buf.length;
  }

  int u8() throws Malformed {
    if (pos >= buf.length) {
      throw new Malformed("unexpected end of input");
    }
    return buf[pos++] & 0xff;
  }

  int u32() throws Malformed {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v |= u8() << (8 * i);
    }
    return v;
  }

  long u64() throws Malformed {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v |= ((long) u8()) << (8 * i);
    }
    return v;
  }

  byte[] fixed(int n) throws Malformed {
    if (n < 0 || pos + n > buf.length) {
      throw new Malformed("unexpected end of input");
    }
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  long compact() throws Malformed {
    int b0 = u8();
    switch (b0 & 0b11) {
      case 0b00:
        return b0 >>> 2;
      case 0b01:
        return ((b0 | (u8() << 8)) & 0xffff) >>> 2;
      case 0b10: {
        long v = (b0 | (u8() << 8) | (u8() << 16) | ((long) u8() << 24)) & 0xffff_ffffL;
        return v >>> 2;
      }
      default: {
        int n = (b0 >>> 2) + 4;
        if (n > 8) {
          throw new Malformed("compact integer too large");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
          v |= ((long) u8()) << (8 * i);
        }
        return v;
      }
    }
  }

  byte[] bytes() throws Malformed {
    long n = compact();
    if (n > buf.length - pos) {
      throw new Malformed("length exceeds input");
    }
    return fixed((int) n);
  }
}
