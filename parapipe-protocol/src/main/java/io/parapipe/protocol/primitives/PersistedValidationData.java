package io.parapipe.protocol.primitives;

import java.util.Objects;

/**
 * The validation data a candidate commits to (polkadot primitives {@code PersistedValidationData}):
 * the parent head, the relay parent's number and storage root, and the PoV limit. Immutable; its
 * hash is computed once, because every validator checks it against the descriptor.
 */
public final class PersistedValidationData {
  private final HeadData parentHead;
  private final int relayParentNumber;
  private final Hash relayParentStorageRoot;
  private final int maxPovSize;
  private Hash hash;

  /**
   * @param parentHead the head the candidate builds on
   * @param relayParentNumber the relay parent's block number
   * @param relayParentStorageRoot the relay parent's state root
   * @param maxPovSize the maximum PoV size in bytes at the relay parent
   */
  public PersistedValidationData(
      HeadData parentHead, int relayParentNumber, Hash relayParentStorageRoot, int maxPovSize) {
    this.parentHead = Objects.requireNonNull(parentHead, "parentHead");
    this.relayParentNumber = relayParentNumber;
    this.relayParentStorageRoot = Objects.requireNonNull(relayParentStorageRoot, "relayParentStorageRoot");
    this.maxPovSize = maxPovSize;
  }

  /** The head the candidate builds on. */
  public HeadData parentHead() {
    return parentHead;
  }

  /** The relay parent's block number. */
  public int relayParentNumber() {
    return relayParentNumber;
  }

  /** The relay parent's state root. */
  public Hash relayParentStorageRoot() {
    return relayParentStorageRoot;
  }

  /** The maximum PoV size in bytes. */
  public int maxPovSize() {
    return maxPovSize;
  }

  /** SCALE encoding: head, u32, H256, u32. */
  public void writeTo(ScaleWriter w) {
    parentHead.writeTo(w);
    w.u32(relayParentNumber);
    relayParentStorageRoot.writeTo(w);
    w.u32(maxPovSize);
  }

  /** BLAKE2b-256 of the SCALE encoding, as {@code descriptor.persisted_validation_data_hash}. */
  public Hash hash() {
    Hash h = hash;
    if (h == null) {
      ScaleWriter w = new ScaleWriter();
      writeTo(w);
      h = w.blake2b256();
      hash = h;
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersistedValidationData p && p.relayParentNumber == relayParentNumber
        && p.maxPovSize == maxPovSize && p.parentHead.equals(parentHead)
        && p.relayParentStorageRoot.equals(relayParentStorageRoot);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parentHead, relayParentNumber, relayParentStorageRoot, maxPovSize);
  }

  @Override
  public String toString() {
    return "PersistedValidationData[parentHead=" + parentHead + ", relayParentNumber="
        + relayParentNumber + ", relayParentStorageRoot=" + relayParentStorageRoot.shortHex()
        + ", maxPovSize=" + maxPovSize + "]";
  }
}
