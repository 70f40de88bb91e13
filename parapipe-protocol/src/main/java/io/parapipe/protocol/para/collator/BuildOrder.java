package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.para.runtime.BlockInputs;
import io.parapipe.protocol.para.runtime.RelayChainStateProof;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.PersistedValidationData;

/**
 * What a collator decided to build: the slot claim, the validation data the block commits to,
 * the PoV budget, the core to submit to, and the relay parent.
 *
 * @param claim the claimed slot and the timestamp inherent
 * @param validationData {@code PersistedValidationData}: parent head, relay parent number and
 *     storage root, {@code max_pov_size}
 * @param allowedPovSize the block's PoV budget in bytes
 * @param coreIndex the core the collation is submitted for
 * @param relayParent the relay parent
 */
public record BuildOrder(SlotClaim claim, PersistedValidationData validationData, long allowedPovSize,
    CoreIndex coreIndex, RelayBlockInfo relayParent) {

  /**
   * The runtime inputs of an empty block for this order; the caller adds weight and messages.
   *
   * @param proof the relay chain state proof at the relay parent (its storage root must be the
   *     relay parent's state root, or the block panics)
   */
  public BlockInputs toInputs(RelayChainStateProof proof) {
    return BlockInputs.of(claim.paraSlot(), claim.timestampMs(), relayParent.number(), relayParent.hash(), proof)
        .withRelayParentStorageRoot(validationData.relayParentStorageRoot());
  }
}
