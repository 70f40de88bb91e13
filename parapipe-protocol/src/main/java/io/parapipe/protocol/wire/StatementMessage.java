package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.Statement;

/**
 * A backing statement, sent to the other members of the backing group.
 */
public record StatementMessage(Hash relayParent, int validator, Statement statement) implements Message {
  @Override
  public int sizeBytes() {
    return statement instanceof Statement.Seconded ? 1024 : 160;
  }
}
