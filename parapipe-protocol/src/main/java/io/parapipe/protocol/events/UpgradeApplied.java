package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A scenario upgrade took effect.
 *
 * @param what what
 * @param paras paras
 * @param changes changes
 */
public record UpgradeApplied(String what, List<Integer> paras, String changes) implements TraceEvent {
  @Override
  public String type() {
    return "upgrade_applied";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("what", what);
    w.intList("paras", paras);
    w.field("changes", changes);
  }
}
