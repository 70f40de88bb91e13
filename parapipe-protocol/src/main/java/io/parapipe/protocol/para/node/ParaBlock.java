package io.parapipe.protocol.para.node;

import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.primitives.Block;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.PoV;

/**
 * A para block as collators exchange it, with the candidate made from it. Execution is
 * deterministic, so the author executes the block once and importers share the post-state.
 *
 * @param state the runtime state after the block (holds the header and head data)
 * @param refTime the {@code ref_time} its transactions consumed, picoseconds
 * @param pov the proof of validity (size and {@code ref_time})
 * @param candidate the candidate receipt with commitments
 * @param validationData the validation data the candidate commits to
 * @param core the core the collation was built for
 * @param relayParentNumber the relay parent's number
 * @param authorNode the authoring collator's node id
 * @param authoringStartedMicros when building started
 * @param authoringMicros how long building took
 */
public record ParaBlock(
    ParachainState state,
    long refTime,
    PoV pov,
    CommittedCandidateReceipt candidate,
    PersistedValidationData validationData,
    CoreIndex core,
    int relayParentNumber,
    int authorNode,
    long authoringStartedMicros,
    long authoringMicros) implements Block {

  /** The block (head) hash. */
  @Override
  public Hash hash() {
    return state.headHash();
  }

  /** The parent block's hash. */
  @Override
  public Hash parentHash() {
    return state.header().parentHash();
  }

  /** The block number. */
  @Override
  public int number() {
    return state.blockNumber();
  }

  /** Gossiped size: header and extrinsics, which the PoV's size stands for. */
  @Override
  public int sizeBytes() {
    return 512 + pov.sizeBytes();
  }

  /** The relay parent's hash. */
  public Hash relayParent() {
    return candidate.descriptor().relayParent();
  }
}
