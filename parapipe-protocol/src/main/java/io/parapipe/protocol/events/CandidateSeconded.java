package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A validator seconded a candidate.
 *
 * @param para para
 * @param candidate candidate
 * @param relayParentHash relay_parent_hash
 */
public record CandidateSeconded(ParaId para, Hash candidate, Hash relayParentHash) implements TraceEvent {
  @Override
  public String type() {
    return "candidate_seconded";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("para", (long) para.value());
    w.field("candidate", candidate);
    w.field("relay_parent_hash", relayParentHash);
  }
}
