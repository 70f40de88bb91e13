package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;

/**
 * A collator announced a block it built to the para's other nodes: at once (lookahead and
 * slot-based collators) or once a validator seconded it (the basic collator's
 * {@code WaitToAnnounce}).
 *
 * @param para para
 * @param hash the para block's head hash
 * @param candidate the candidate carrying the block
 */
public record ParaBlockAnnounced(ParaId para, Hash hash, Hash candidate) implements TraceEvent {
  @Override
  public String type() {
    return "para_block_announced";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("para", (long) para.value());
    w.field("hash", hash);
    w.field("candidate", candidate);
  }
}
