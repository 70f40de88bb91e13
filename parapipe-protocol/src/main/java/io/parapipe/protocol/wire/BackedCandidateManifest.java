package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.Statement;
import java.util.List;

/**
 * A backing-group member announces a candidate that reached the backing threshold, with its statements, to every validator.
 */
public record BackedCandidateManifest(Hash relayParent, List<SignedStatement> statements) implements Message {
  /**
   * A statement and its signer.
   *
   * @param validator the signer
   * @param statement the statement
   */
  public record SignedStatement(int validator, Statement statement) {}

  @Override
  public int sizeBytes() {
    return 1024 + statements.size() * 100;
  }
}
