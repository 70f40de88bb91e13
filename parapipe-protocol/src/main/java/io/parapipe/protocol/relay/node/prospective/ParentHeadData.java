package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;

/** The parent head of a candidate whose validation data is asked for ({@code ParentHeadData}). */
public sealed interface ParentHeadData permits ParentHeadData.OnlyHash, ParentHeadData.WithData {

  /** The head data hash. */
  Hash hash();

  /**
   * Only the hash: the head data must be known to the subsystem.
   *
   * @param hash the head hash
   */
  record OnlyHash(Hash hash) implements ParentHeadData {}

  /**
   * The head data itself (e.g. supplied by a collator).
   *
   * @param headData the head data
   * @param hash its hash
   */
  record WithData(HeadData headData, Hash hash) implements ParentHeadData {
    /** From the head data alone. */
    public static WithData of(HeadData headData) {
      return new WithData(headData, headData.hash());
    }
  }
}
