package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.Optional;

/** The relay chain as a collator's embedded relay client sees it (runtime API calls at a block). */
public interface RelayChainView {
  /** A relay block header, if known. */
  Optional<RelayBlockInfo> header(Hash hash);

  /** {@code session_index_for_child(hash)}: the session of a child of this (known) block. */
  SessionIndex sessionIndexForChild(Hash hash);

  /**
   * {@code persisted_validation_data(relay_parent, para, OccupiedCoreAssumption::TimedOut)}:
   * its {@code parent_head} is the head included at the relay parent. Empty if the para is unknown.
   */
  Optional<PersistedValidationData> validationDataAssumingTimedOut(Hash relayParent, ParaId paraId);

  /**
   * {@code persisted_validation_data(relay_parent, para, OccupiedCoreAssumption::Included)}: its
   * {@code parent_head} is the head of the candidate pending availability (or the included head if
   * none), and its {@code max_pov_size} the PoV limit. Empty if the para is unknown.
   */
  Optional<PersistedValidationData> validationDataAssumingIncluded(Hash relayParent, ParaId paraId);
}
