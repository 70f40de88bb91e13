package io.parapipe.protocol.relay.node.collation;

import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.PoV;
import java.util.Set;

/** What the collator protocol needs from candidate backing. */
public interface SecondingPort {
  /** True if the relay parent is in the backing view. */
  boolean knows(Hash relayParent);

  /** The paras this validator may second at the relay parent. */
  Set<ParaId> assignedParas(Hash relayParent);

  /** {@code CanSecond}: could an advertised candidate be seconded? */
  boolean canSecond(ParaId para, Hash relayParent, Hash candidateHash, Hash parentHeadHash);

  /** {@code Second}: validate a fetched collation and second it if valid; the outcome comes back later. */
  void second(Hash relayParent, CommittedCandidateReceipt receipt, PersistedValidationData pvd, PoV pov);
}
