package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A validator approved the candidates it checked in a block.
 *
 * @param block block
 * @param candidates candidates
 */
public record ApprovalSent(Hash block, List<Hash> candidates) implements TraceEvent {
  @Override
  public String type() {
    return "approval_sent";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("block", block);
    w.field("candidates", candidates);
  }
}
