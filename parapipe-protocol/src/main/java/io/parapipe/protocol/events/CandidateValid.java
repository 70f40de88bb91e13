package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A validator issued a Valid statement.
 *
 * @param para para
 * @param candidate candidate
 */
public record CandidateValid(ParaId para, Hash candidate) implements TraceEvent {
  @Override
  public String type() {
    return "candidate_valid";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("para", (long) para.value());
    w.field("candidate", candidate);
  }
}
