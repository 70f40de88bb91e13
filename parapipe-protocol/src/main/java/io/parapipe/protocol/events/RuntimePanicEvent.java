package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * The para runtime panicked while a collator built a block; the block was dropped.
 *
 * @param para para
 * @param paraBlock para_block
 * @param message message
 */
public record RuntimePanicEvent(ParaId para, int paraBlock, String message) implements TraceEvent {
  @Override
  public String type() {
    return "runtime_panic";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("para", (long) para.value());
    w.field("para_block", paraBlock);
    w.field("message", message);
  }
}
