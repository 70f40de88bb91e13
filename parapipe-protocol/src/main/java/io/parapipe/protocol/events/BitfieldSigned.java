package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A validator signed an availability bitfield for a leaf.
 *
 * @param leaf leaf
 * @param ones ones
 */
public record BitfieldSigned(Hash leaf, int ones) implements TraceEvent {
  @Override
  public String type() {
    return "bitfield_signed";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("leaf", leaf);
    w.field("ones", ones);
  }
}
