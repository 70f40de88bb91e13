package io.parapipe.protocol.para.runtime.segment;

/** Upstream {@code u32} arithmetic on {@code long}s. */
final class U32 {
  static final long MAX = 0xFFFF_FFFFL;

  private U32() {}

  static long check(long v, String what) {
    if (v < 0 || v > MAX) {
      throw new IllegalArgumentException(what + " must fit in u32: " + v);
    }
    return v;
  }

  static long saturatingAdd(long a, long b) {
    return Math.min(a + b, MAX);
  }

  static long saturatingSub(long a, long b) {
    return Math.max(a - b, 0);
  }
}
