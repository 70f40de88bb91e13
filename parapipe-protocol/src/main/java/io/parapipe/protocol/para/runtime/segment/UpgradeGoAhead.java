package io.parapipe.protocol.para.runtime.segment;

/** The relay chain's answer to a pending validation code upgrade ({@code UpgradeGoAhead}). */
public enum UpgradeGoAhead {
  /** {@code Abort}: the upgrade is discarded. */
  ABORT,
  /** {@code GoAhead}: the upgrade is applied. */
  GO_AHEAD;

  /** The Rust {@code Debug} form. */
  public String debug() {
    return this == ABORT ? "Abort" : "GoAhead";
  }
}
