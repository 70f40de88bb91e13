package io.parapipe.protocol.relay.node.collation;

import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.PoV;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.Optional;
import java.util.Set;

/** What the collator protocol needs from candidate backing. */
public interface SecondingPort {
  /**
   * What the validator side knows of a relay parent to check a fetched descriptor
   * (upstream's {@code PerRelayParent}: {@code current_core}, {@code session_index},
   * {@code v2_receipts}).
   *
   * @param assignedCore the core this validator's group serves
   * @param sessionIndex {@code session_index_for_child} at the relay parent
   * @param v2Receipts the {@code CandidateReceiptV2} node feature
   */
  record RelayParentContext(CoreIndex assignedCore, SessionIndex sessionIndex, boolean v2Receipts) {}

  /** True if the relay parent is in the backing view. */
  boolean knows(Hash relayParent);

  /** The paras this validator may second at the relay parent. */
  Set<ParaId> assignedParas(Hash relayParent);

  /** The context of a relay parent in the view whose group serves a core; empty otherwise. */
  Optional<RelayParentContext> relayParentContext(Hash relayParent);

  /** {@code CanSecond}: could an advertised candidate be seconded? */
  boolean canSecond(ParaId para, Hash relayParent, Hash candidateHash, Hash parentHeadHash);

  /** {@code Second}: validate a fetched collation and second it if valid; the outcome comes back later. */
  void second(Hash relayParent, CommittedCandidateReceipt receipt, PersistedValidationData pvd, PoV pov);
}
