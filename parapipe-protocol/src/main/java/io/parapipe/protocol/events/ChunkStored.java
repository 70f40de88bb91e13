package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A validator stored its erasure chunk of a candidate.
 *
 * @param candidate candidate
 */
public record ChunkStored(Hash candidate) implements TraceEvent {
  @Override
  public String type() {
    return "chunk_stored";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("candidate", candidate);
  }
}
