package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A node finalized a relay block.
 *
 * @param hash hash
 * @param number number
 */
public record BlockFinalized(Hash hash, int number) implements TraceEvent {
  @Override
  public String type() {
    return "block_finalized";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("hash", hash);
    w.field("number", number);
  }
}
