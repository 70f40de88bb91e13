package io.parapipe.protocol.relay.node.approval;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import java.util.List;

/**
 * Approval voting's actions doing nothing: own checks never report, nothing is sent. A test
 * overrides what it records.
 */
class NoApprovalActions implements ApprovalVoting.Actions {
  @Override
  public void recoverAndExecute(Hash block, Hash candidate) {}

  @Override
  public void broadcastApprovals(Hash block, BitVec candidateIndices, List<Hash> candidates) {}

  @Override
  public void onApproved(Hash block) {}
}
