package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * A collator built a para block and turned it into a candidate.
 *
 * @param para para
 * @param paraBlock para_block
 * @param hash hash
 * @param parent parent
 * @param relayParent relay_parent
 * @param relayParentHash relay_parent_hash
 * @param candidate candidate
 * @param refTimePs ref_time_ps
 * @param povSize pov_size
 * @param authoringUs authoring_us
 * @param slot slot
 * @param segmentLength segment_length
 * @param collator the collator kind that built it ({@code basic}, {@code lookahead})
 */
public record ParaBlockAuthored(ParaId para, int paraBlock, Hash hash, Hash parent, int relayParent, Hash relayParentHash, Hash candidate, long refTimePs, int povSize, long authoringUs, long slot, int segmentLength, String collator) implements TraceEvent {
  @Override
  public String type() {
    return "para_block_authored";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("para", (long) para.value());
    w.field("para_block", paraBlock);
    w.field("hash", hash);
    w.field("parent", parent);
    w.field("relay_parent", relayParent);
    w.field("relay_parent_hash", relayParentHash);
    w.field("candidate", candidate);
    w.field("ref_time_ps", refTimePs);
    w.field("pov_size", povSize);
    w.field("authoring_us", authoringUs);
    w.field("slot", slot);
    w.field("segment_length", segmentLength);
    w.field("collator", collator);
  }
}
