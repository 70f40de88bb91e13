package io.parapipe.protocol.para.runtime;

import io.parapipe.protocol.para.runtime.segment.MessagingStateSnapshot;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import java.util.Objects;
import java.util.Optional;

/**
 * What the para runtime reads from the relay chain state proof at the relay parent
 * ({@code RelayChainStateProof}): the storage root it proves against, the para's included head
 * ({@code paras::Heads}), the relay slot ({@code CURRENT_SLOT}), the messaging state and the two
 * host-configuration limits the runtime uses. No trie is modelled: the proof is valid iff its
 * root equals the block's {@code relay_parent_storage_root}.
 *
 * @param storageRoot the relay state root the proof was made against
 * @param includedParaHead {@code read_included_para_head()}: the head included at the relay parent
 * @param relaySlot {@code read_slot()}: the relay parent's BABE slot
 * @param messagingState {@code read_messaging_state_snapshot()}
 * @param maxUpwardMessageNumPerCandidate host configuration {@code max_upward_message_num_per_candidate}
 * @param hrmpMaxMessageNumPerCandidate host configuration {@code hrmp_max_message_num_per_candidate}
 */
public record RelayChainStateProof(
    Hash storageRoot,
    Optional<HeadData> includedParaHead,
    long relaySlot,
    MessagingStateSnapshot messagingState,
    int maxUpwardMessageNumPerCandidate,
    int hrmpMaxMessageNumPerCandidate) {

  /** Polkadot's relay dispatch queue capacity in messages ({@code max_upward_queue_count}). */
  public static final long DEFAULT_UMP_QUEUE_COUNT = 174_762;
  /** Polkadot's relay dispatch queue capacity in bytes ({@code max_upward_queue_size}). */
  public static final long DEFAULT_UMP_QUEUE_SIZE = 1_048_576;

  /** Requires all components; limits non-negative. */
  public RelayChainStateProof {
    Objects.requireNonNull(storageRoot, "storageRoot");
    Objects.requireNonNull(includedParaHead, "includedParaHead");
    Objects.requireNonNull(messagingState, "messagingState");
    if (maxUpwardMessageNumPerCandidate < 0 || hrmpMaxMessageNumPerCandidate < 0) {
      throw new IllegalArgumentException("per-candidate limits are u32");
    }
  }

  /**
   * A proof with an empty relay dispatch queue (Polkadot's queue limits), no HRMP channels, and
   * Polkadot's per-candidate limits (16 UMP, 10 HRMP messages).
   */
  public static RelayChainStateProof of(Hash storageRoot, Optional<HeadData> includedParaHead, long relaySlot) {
    return new RelayChainStateProof(storageRoot, includedParaHead, relaySlot,
        MessagingStateSnapshot.ump(DEFAULT_UMP_QUEUE_COUNT, DEFAULT_UMP_QUEUE_SIZE), 16, 10);
  }

  /** Copy with another messaging state. */
  public RelayChainStateProof withMessagingState(MessagingStateSnapshot m) {
    return new RelayChainStateProof(storageRoot, includedParaHead, relaySlot, m,
        maxUpwardMessageNumPerCandidate, hrmpMaxMessageNumPerCandidate);
  }

  /** Copy with other per-candidate message limits. */
  public RelayChainStateProof withMessageLimits(int maxUpwardPerCandidate, int hrmpMaxPerCandidate) {
    return new RelayChainStateProof(storageRoot, includedParaHead, relaySlot, messagingState,
        maxUpwardPerCandidate, hrmpMaxPerCandidate);
  }
}
