package io.parapipe.protocol.relay.node.backing;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.Statement;

/**
 * What candidate backing hands to statement distribution: upstream's
 * {@code StatementDistributionMessage::Share} and {@code ::Backed}, and the per-relay-parent
 * seconding limit that distribution keeps.
 */
public interface StatementSharing {
  /**
   * Whether this validator may still issue a {@code Seconded} for {@code candidate} at the relay
   * parent: it seconded it already, or fewer than {@code max_candidate_depth + 1} candidates.
   */
  boolean withinSecondingLimit(Hash relayParent, int validator, Hash candidate);

  /** {@code Share}: send a statement this validator issued (and backing imported) to its group. */
  void share(Hash relayParent, Statement statement);

  /** {@code Backed}: a candidate at the relay parent reached the backing threshold. */
  void backed(Hash relayParent, StatementTable.AttestedCandidate candidate);
}
