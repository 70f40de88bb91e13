package io.parapipe.protocol.primitives;

/**
 * The validation data a candidate commits to (polkadot primitives {@code PersistedValidationData}):
 * the parent head, and the relay parent's number and storage root, and the PoV limit.
 *
 * @param parentHead the head the candidate builds on
 * @param relayParentNumber the relay parent's block number
 * @param relayParentStorageRoot the relay parent's state root
 * @param maxPovSize the maximum PoV size in bytes at the relay parent
 */
public record PersistedValidationData(
    HeadData parentHead, int relayParentNumber, Hash relayParentStorageRoot, int maxPovSize) {

  /** SCALE encoding: head, u32, H256, u32. */
  public void writeTo(ScaleWriter w) {
    parentHead.writeTo(w);
    w.u32(relayParentNumber);
    relayParentStorageRoot.writeTo(w);
    w.u32(maxPovSize);
  }

  /** BLAKE2b-256 of the SCALE encoding, as {@code descriptor.persisted_validation_data_hash}. */
  public Hash hash() {
    ScaleWriter w = new ScaleWriter();
    writeTo(w);
    return w.blake2b256();
  }
}
