package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ScaleWriter;
import io.parapipe.protocol.relay.runtime.shared.ValidatorId;
import java.util.Objects;

/**
 * A relay-chain block header. Its hash is BLAKE2b-256 of the SCALE encoding
 * {@code parent_hash ‖ Compact(number) ‖ state_root ‖ extrinsics_root ‖ u64 babe_slot ‖ u32 author}
 * — Substrate's header layout with the BABE pre-digest reduced to the slot and the author.
 */
public final class RelayBlockHeader {
  private final Hash parentHash;
  private final int number;
  private final Hash stateRoot;
  private final Hash extrinsicsRoot;
  private final long babeSlot;
  private final ValidatorId author;
  private final Hash hash;

  /**
   * A header; the hash is computed once.
   *
   * @param parentHash the parent block's hash ({@link Hash#ZERO} for genesis)
   * @param number the block number
   * @param stateRoot the state root after executing the block
   * @param extrinsicsRoot the digest of the block's (processed) inherent data
   * @param babeSlot the BABE slot the block was authored in
   * @param author the block author, by authority index (not the session's shuffled parachain
   *     validator index)
   */
  public RelayBlockHeader(Hash parentHash, int number, Hash stateRoot, Hash extrinsicsRoot, long babeSlot, ValidatorId author) {
    this.parentHash = Objects.requireNonNull(parentHash, "parentHash");
    if (number < 0) {
      throw new IllegalArgumentException("negative block number " + number);
    }
    this.number = number;
    this.stateRoot = Objects.requireNonNull(stateRoot, "stateRoot");
    this.extrinsicsRoot = Objects.requireNonNull(extrinsicsRoot, "extrinsicsRoot");
    this.babeSlot = babeSlot;
    this.author = Objects.requireNonNull(author, "author");
    ScaleWriter w = new ScaleWriter();
    writeTo(w);
    this.hash = w.blake2b256();
  }

  /** SCALE encoding of the header. */
  public void writeTo(ScaleWriter w) {
    parentHash.writeTo(w);
    w.compact(number);
    stateRoot.writeTo(w);
    extrinsicsRoot.writeTo(w);
    w.u64(babeSlot);
    w.u32(author.authority());
  }

  /** The block hash. */
  public Hash hash() {
    return hash;
  }

  /** The parent block's hash. */
  public Hash parentHash() {
    return parentHash;
  }

  /** The block number. */
  public int number() {
    return number;
  }

  /** The state root. */
  public Hash stateRoot() {
    return stateRoot;
  }

  /** The extrinsics root (digest of the processed inherent data). */
  public Hash extrinsicsRoot() {
    return extrinsicsRoot;
  }

  /** The BABE slot. */
  public long babeSlot() {
    return babeSlot;
  }

  /** The author. */
  public ValidatorId author() {
    return author;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelayBlockHeader h && h.hash.equals(hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "RelayBlock#" + number + "(" + hash.shortHex() + ", slot " + babeSlot + ")";
  }
}
