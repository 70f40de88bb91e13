package io.parapipe.protocol.relay.node.backing;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.Statement;

/** Where statement distribution hands statements: {@code CandidateBackingMessage::Statement}. */
public interface StatementImporter {
  /**
   * Imports a statement from {@code validator} at the relay parent.
   *
   * @return false if backing refused it
   */
  boolean importStatement(Hash relayParent, int validator, Statement statement);
}
