package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;

/**
 * The runtime's CandidateIncluded event in a relay block.
 *
 * @param block block
 * @param number number
 * @param para para
 * @param candidate candidate
 * @param core core
 * @param head the para head the candidate produced, opaque to the relay chain; the trace shows
 *     it as {@code para_block}, the para block number the host decodes from it
 * @param backers the authorities (validator ids, not the session's shuffled indices) that backed
 *     the candidate, ascending: enactment rewards each with era points. The results count them;
 *     the trace does not write them
 */
public record CandidateIncludedEvent(Hash block, int number, ParaId para, Hash candidate, CoreIndex core, HeadData head,
    List<Integer> backers) implements TraceEvent {
  /** Copies the backers. */
  public CandidateIncludedEvent {
    backers = List.copyOf(backers);
  }

  /** An event with no backers known (tests and hand-built runs). */
  public CandidateIncludedEvent(Hash block, int number, ParaId para, Hash candidate, CoreIndex core, HeadData head) {
    this(block, number, para, candidate, core, head, List.of());
  }

  @Override
  public String type() {
    return "candidate_included";
  }

  @Override
  public void writeFields(FieldWriter w) {
    w.field("block", block);
    w.field("number", number);
    w.field("para", (long) para.value());
    w.field("candidate", candidate);
    w.field("core", (long) core.value());
    w.paraHead("para_block", head);
  }
}
