package io.parapipe.protocol.para.runtime;

/** Revision of {@code cumulus-pallet-parachain-system}; they differ only in the capacity message. */
public enum ParachainSystemRevision {
  /** P1: {@code "no space left for the block in the unincluded segment"}. */
  P1,
  /** P2: {@code "No space left for the block in the unincluded segment: new_len(n) < capacity(c)"}. */
  P2;

  /** The capacity assertion's message for this revision. */
  public String noSpaceLeft(int newLen, int capacity) {
    return this == P1
        ? PanicMessages.NO_SPACE_LEFT_P1
        : PanicMessages.NO_SPACE_LEFT_P2 + ": new_len(" + Integer.toUnsignedString(newLen)
            + ") < capacity(" + Integer.toUnsignedString(capacity) + ")";
  }
}
