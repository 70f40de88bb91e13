package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * The runtime's CandidateTimedOut event in a relay block.
 *
 * @param block block
 * @param number number
 * @param para para
 * @param candidate candidate
 * @param core core
 */
public record CandidateTimedOutEvent(Hash block, int number, ParaId para, Hash candidate, CoreIndex core) implements TraceEvent {
  @Override
  public String type() {
    return "candidate_timed_out";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("block", block);
    w.field("number", number);
    w.field("para", (long) para.value());
    w.field("candidate", candidate);
    w.field("core", (long) core.value());
  }
}
