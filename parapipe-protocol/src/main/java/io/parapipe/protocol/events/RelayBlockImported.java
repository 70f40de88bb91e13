package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A node imported a relay block.
 *
 * @param hash hash
 * @param number number
 * @param best best
 */
public record RelayBlockImported(Hash hash, int number, boolean best) implements TraceEvent {
  @Override
  public String type() {
    return "relay_block_imported";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("hash", hash);
    w.field("number", number);
    w.field("best", best);
  }
}
