package io.parapipe.conformance.drivers;

import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.primitives.BitVec;

/** Bit vectors written as strings of {@code 0} and {@code 1}, bit 0 first (e.g. {@code "10110"}). */
final class Bits {
  private Bits() {}

  static BitVec read(VectorNode n) {
    String s = n.text();
    boolean[] bits = new boolean[s.length()];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '0' && c != '1') {
        throw n.malformed("expected a string of 0 and 1 (bit 0 first), got \"" + s + "\"");
      }
      bits[i] = c == '1';
    }
    return BitVec.fromBits(bits);
  }

  static String render(BitVec v) {
    StringBuilder sb = new StringBuilder(v.len());
    for (int i = 0; i < v.len(); i++) {
      sb.append(v.get(i) ? '1' : '0');
    }
    return sb.toString();
  }
}
