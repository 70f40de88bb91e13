package io.parapipe.protocol.para.runtime;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.OutboundHrmpMessage;
import io.parapipe.protocol.primitives.Weight;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a para block's execution depends on besides its parent's state: the Aura pre-digest
 * slot, the timestamp inherent, the validation data and relay chain state proof of the
 * {@code set_validation_data} inherent, and what the block's transactions do (their weight and
 * the messages they send).
 *
 * @param paraSlot the slot of the Aura pre-runtime digest
 * @param timestampMs the {@code pallet_timestamp::set} inherent, in milliseconds
 * @param relayParentNumber {@code PersistedValidationData.relay_parent_number}
 * @param relayParentHash the relay parent's hash (recorded in the header digest)
 * @param relayParentStorageRoot {@code PersistedValidationData.relay_parent_storage_root}
 * @param proof the relay chain state proof
 * @param consumedWeight the weight the block's transactions consume (capped at
 *     {@code MAXIMUM_BLOCK_WEIGHT}, as the block builder stops there)
 * @param authorDisabled whether the slot's author index is among the disabled validators
 * @param upwardMessages UMP messages the transactions send (queued as {@code PendingUpwardMessages})
 * @param horizontalMessages HRMP messages the transactions send (queued in the XCMP queue)
 * @param coreInfo the {@code CoreInfo} pre-digest the slot-based collator adds, if any
 * @param newRuntimeConfig a runtime upgrade enacted by this block: its children run with it
 */
public record BlockInputs(
    long paraSlot,
    long timestampMs,
    int relayParentNumber,
    Hash relayParentHash,
    Hash relayParentStorageRoot,
    RelayChainStateProof proof,
    Weight consumedWeight,
    boolean authorDisabled,
    List<byte[]> upwardMessages,
    List<OutboundHrmpMessage> horizontalMessages,
    Optional<DigestItem.CumulusCoreInfo> coreInfo,
    Optional<ParachainRuntimeConfig> newRuntimeConfig) {

  /** Requires all components; copies the lists. */
  public BlockInputs {
    Objects.requireNonNull(relayParentHash, "relayParentHash");
    Objects.requireNonNull(relayParentStorageRoot, "relayParentStorageRoot");
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(consumedWeight, "consumedWeight");
    upwardMessages = List.copyOf(upwardMessages);
    horizontalMessages = List.copyOf(horizontalMessages);
    Objects.requireNonNull(coreInfo, "coreInfo");
    Objects.requireNonNull(newRuntimeConfig, "newRuntimeConfig");
  }

  /**
   * Inputs for an empty block: the storage root is the proof's, no weight, author enabled, no
   * messages, no core info, no upgrade.
   */
  public static BlockInputs of(
      long paraSlot, long timestampMs, int relayParentNumber, Hash relayParentHash, RelayChainStateProof proof) {
    return new BlockInputs(paraSlot, timestampMs, relayParentNumber, relayParentHash, proof.storageRoot(),
        proof, Weight.ZERO, false, List.of(), List.of(), Optional.empty(), Optional.empty());
  }

  /** Copy with another relay parent storage root (a mismatch with the proof panics). */
  public BlockInputs withRelayParentStorageRoot(Hash root) {
    return new BlockInputs(paraSlot, timestampMs, relayParentNumber, relayParentHash, root, proof,
        consumedWeight, authorDisabled, upwardMessages, horizontalMessages, coreInfo, newRuntimeConfig);
  }

  /** Copy with the transactions' consumed weight. */
  public BlockInputs withConsumedWeight(Weight w) {
    return new BlockInputs(paraSlot, timestampMs, relayParentNumber, relayParentHash,
        relayParentStorageRoot, proof, w, authorDisabled, upwardMessages, horizontalMessages,
        coreInfo, newRuntimeConfig);
  }

  /** Copy with the author marked disabled or not. */
  public BlockInputs withAuthorDisabled(boolean disabled) {
    return new BlockInputs(paraSlot, timestampMs, relayParentNumber, relayParentHash,
        relayParentStorageRoot, proof, consumedWeight, disabled, upwardMessages, horizontalMessages,
        coreInfo, newRuntimeConfig);
  }

  /** Copy with messages sent by the block's transactions. */
  public BlockInputs withMessages(List<byte[]> ump, List<OutboundHrmpMessage> hrmp) {
    return new BlockInputs(paraSlot, timestampMs, relayParentNumber, relayParentHash,
        relayParentStorageRoot, proof, consumedWeight, authorDisabled, ump, hrmp, coreInfo,
        newRuntimeConfig);
  }

  /** Copy with a {@code CoreInfo} pre-digest. */
  public BlockInputs withCoreInfo(DigestItem.CumulusCoreInfo info) {
    return new BlockInputs(paraSlot, timestampMs, relayParentNumber, relayParentHash,
        relayParentStorageRoot, proof, consumedWeight, authorDisabled, upwardMessages,
        horizontalMessages, Optional.of(info), newRuntimeConfig);
  }

  /** Copy enacting a runtime upgrade: blocks built on this one run with {@code config}. */
  public BlockInputs withRuntimeUpgrade(ParachainRuntimeConfig config) {
    return new BlockInputs(paraSlot, timestampMs, relayParentNumber, relayParentHash,
        relayParentStorageRoot, proof, consumedWeight, authorDisabled, upwardMessages,
        horizontalMessages, coreInfo, Optional.of(config));
  }
}
