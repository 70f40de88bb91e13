package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import java.util.List;

/**
 * A validator's approvals of candidates included in a relay block.
 */
public record ApprovalsMessage(Hash block, int validator, List<Hash> candidates) implements Message {
  @Override
  public int sizeBytes() {
    return 128 + 32 * candidates.size();
  }
}
