package io.parapipe.protocol.primitives;

import java.util.HexFormat;

/** Hex text for byte strings, with an optional {@code 0x} prefix on input. */
public final class Hex {
  private Hex() {}

  /** Lowercase hex without prefix. */
  public static String encode(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Decodes hex with or without a {@code 0x} prefix. */
  public static byte[] decode(String hex) {
    String s = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    return HexFormat.of().parseHex(s);
  }
}
