package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A collator advertised a collation to a validator.
 *
 * @param para para
 * @param candidate candidate
 * @param relayParentHash relay_parent_hash
 * @param to to
 */
public record CollationAdvertised(ParaId para, Hash candidate, Hash relayParentHash, int to) implements TraceEvent {
  @Override
  public String type() {
    return "collation_advertised";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("para", (long) para.value());
    w.field("candidate", candidate);
    w.field("relay_parent_hash", relayParentHash);
    w.field("to", to);
  }
}
