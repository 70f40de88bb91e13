package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A validator received a collation it requested.
 *
 * @param para para
 * @param candidate candidate
 * @param from from
 */
public record CollationFetched(ParaId para, Hash candidate, int from) implements TraceEvent {
  @Override
  public String type() {
    return "collation_fetched";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("para", (long) para.value());
    w.field("candidate", candidate);
    w.field("from", from);
  }
}
